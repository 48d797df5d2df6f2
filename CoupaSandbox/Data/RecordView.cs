using System.Text.Json.Nodes;

namespace CoupaSandbox.Data;

/// <summary>A record as clients see it: stored (patched) attributes win, everything else is generated on demand.
/// Cheap to create; nothing is built until an attribute is asked for.</summary>
internal readonly struct RecordView(ResourceStore store, long id, RecordPatch? patch)
{
    public long Id => id;

    public ResourceStore Store => store;

    public RecordPatch? Patch => patch;

    public DateTimeOffset CreatedAt => patch?.CreatedAt ?? store.Generator.CreatedAt(id);

    public DateTimeOffset UpdatedAt => patch?.UpdatedAt ?? store.Generator.UpdatedAt(id);

    public bool HasField(string name) =>
        (patch is not null && patch.TryGet(name, out _)) || (patch is not { IsDocument: true } && store.Generator.FindField(name) is not null);

    /// <summary>A fresh node for one top-level attribute (null when absent or JSON null).</summary>
    public JsonNode? Get(string name)
    {
        if (patch is not null && patch.TryGet(name, out var stored))
            return JsonNodes.ToNode(stored);
        if (patch is { IsDocument: true })
            return null;
        var field = store.Generator.FindField(name);
        return field?.Build(store.Generator.SeedOf(id));
    }

    /// <summary>The full document exactly as a GET without <c>fields</c> returns it.</summary>
    public JsonObject Build()
    {
        var document = new JsonObject();
        if (patch is not { IsDocument: true })
        {
            var seed = store.Generator.SeedOf(id);
            foreach (var field in store.Generator.Fields)
            {
                JsonNode? value = patch is not null && patch.TryGet(field.Name, out var stored)
                    ? JsonNodes.ToNode(stored)
                    : field.Build(seed);
                document.Add(field.Name, value);
            }
        }
        if (patch is not null)
        {
            foreach (var (name, stored) in patch.Fields)
            {
                if (!document.ContainsKey(name))
                    document.Add(name, JsonNodes.ToNode(stored));
            }
        }
        return document;
    }
}
