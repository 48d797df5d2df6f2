using System.Text.Json.Nodes;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data;

/// <summary>Writes: updates, creations and the remit-to quirk. Each resource has its own write lock; reads never block.</summary>
internal sealed class DataMutator(SandboxData data, int seed)
{
    public IReadOnlyList<long> Update(ResourceStore store, int count)
    {
        lock (store.WriteLock)
        {
            var now = data.Clock.Now();
            var picked = Pick(store, count);
            foreach (long id in picked)
            {
                var view = store.View(id);
                int revision = (view.Patch?.Revision ?? 0) + 1;
                var changes = store.Generator.Revise(view, revision).ToList();
                changes.Add(KeyValuePair.Create<string, JsonNode?>("updated-at", data.Clock.Format(now)));
                if (store.Generator.FindField("updated-by") is not null)
                    changes.Add(KeyValuePair.Create<string, JsonNode?>("updated-by", Users.Stub(1)));
                store.SetPatch(id, (view.Patch ?? RecordPatch.Empty).With(changes, revision, updatedAt: now));
            }
            return picked;
        }
    }

    public IReadOnlyList<long> Create(ResourceStore store, int count)
    {
        if (store.Name == RecordCounts.PurchaseOrderLines)
            return CreateLinesUnderExistingOrders(count);
        IReadOnlyList<long> ids;
        lock (store.WriteLock)
            ids = store.Append(count, _ => NewRecordPatch());
        foreach (long id in ids)
            store.Generator.OnCreated(id);
        return ids;
    }

    /// <summary>New order lines under one purchase order (used when a PO is created, and for created lines).</summary>
    public IReadOnlyList<long> CreateLines(long poId, int count)
    {
        var store = data.Store(RecordCounts.PurchaseOrderLines);
        lock (store.WriteLock)
            return store.Append(count, lineId => { data.PoLines.Register(lineId, poId); return NewRecordPatch(); });
    }

    /// <summary>A line never exists without its order: each new line joins a pseudo-randomly chosen existing PO.</summary>
    private List<long> CreateLinesUnderExistingOrders(int count)
    {
        var orders = data.Store("purchase_orders");
        var lines = data.Store(RecordCounts.PurchaseOrderLines);
        if (orders.MaxId == 0)
            return [];
        lock (lines.WriteLock) // re-entered by CreateLines; keeps the call counter and the picks together
        {
            var rng = CallRng(lines);
            var ids = new List<long>();
            for (int i = 0; i < count; i++)
                ids.AddRange(CreateLines(rng.Long($"po-{i}", 1, orders.MaxId + 1), 1));
            return ids;
        }
    }

    public IReadOnlyList<long> UpdateRemitToAddresses(ResourceStore suppliers, int count)
    {
        lock (suppliers.WriteLock)
        {
            var now = data.Clock.Now();
            var rng = CallRng(suppliers);
            var changed = new List<long>();
            var tried = new HashSet<long>();
            long max = suppliers.MaxId;
            for (int attempt = 0; changed.Count < count && attempt < count * 50 + 100 && tried.Count < max; attempt++)
            {
                long id = rng.Long($"supplier-{attempt}", 1, max + 1);
                if (!tried.Add(id))
                    continue;
                var view = suppliers.View(id);
                if (view.Get("remit-to-addresses") is not JsonArray { Count: > 0 } addresses)
                    continue;
                var address = (JsonObject)addresses[rng.Int($"address-{attempt}", 0, addresses.Count)]!;
                address["street1"] = AddressFactory.Street(rng.Sub("street", attempt));
                address["updated-at"] = data.Clock.Format(now);
                // Deliberately no updated-at/revision change on the supplier itself: the reported Coupa quirk.
                suppliers.SetPatch(id, (view.Patch ?? RecordPatch.Empty).With([KeyValuePair.Create<string, JsonNode?>("remit-to-addresses", addresses)]));
                changed.Add(id);
            }
            changed.Sort();
            return changed;
        }
    }

    /// <summary>For write endpoints (POST /api/invoices): stores a whole document under the next id. The builder receives
    /// the id and the creation instant and must return the complete document (hyphenated keys, id included).</summary>
    public long InsertDocument(ResourceStore store, Func<long, DateTimeOffset, JsonObject> build)
    {
        lock (store.WriteLock)
        {
            var now = data.Clock.Now();
            return store.Append(1, id => RecordPatch.Document(build(id, now), now, now))[0];
        }
    }

    /// <summary>For write endpoints: replaces top-level attributes of one record; <paramref name="touch"/> also sets
    /// updated-at = now (Coupa bumps it on every PUT).</summary>
    public void SetFields(ResourceStore store, long id, IEnumerable<KeyValuePair<string, JsonNode?>> changes, bool touch = true)
    {
        lock (store.WriteLock)
        {
            var now = data.Clock.Now();
            var list = changes.ToList();
            if (touch)
                list.Add(KeyValuePair.Create<string, JsonNode?>("updated-at", data.Clock.Format(now)));
            var current = store.PatchOf(id) ?? RecordPatch.Empty;
            store.SetPatch(id, current.With(list, updatedAt: touch ? now : null));
        }
    }

    private RecordPatch NewRecordPatch()
    {
        var now = data.Clock.Now();
        string ts = data.Clock.Format(now);
        return RecordPatch.Empty.With(
            [KeyValuePair.Create<string, JsonNode?>("created-at", ts), KeyValuePair.Create<string, JsonNode?>("updated-at", ts)],
            0, now, now);
    }

    /// <summary>Distinct pseudo-random ids, different on every call but reproducible for a given seed and call number.</summary>
    private List<long> Pick(ResourceStore store, int count)
    {
        long max = store.MaxId;
        if (count <= 0 || max == 0)
            return [];
        if (count >= max)
            return [.. Enumerable.Range(1, (int)max).Select(i => (long)i)];
        var rng = CallRng(store);
        var picked = new HashSet<long>();
        for (int i = 0; picked.Count < count; i++)
            picked.Add(rng.Long($"pick-{i}", 1, max + 1));
        return [.. picked.Order()];
    }

    private RecordRng CallRng(ResourceStore store) =>
        new RecordRng(Hash.Combine((ulong)(uint)seed, Hash.Of(store.Name + "/update"))).Sub("call", ++store.UpdateCalls);
}
