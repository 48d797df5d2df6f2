using System.Text.Json.Serialization;

namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>
/// One change to the annotation's content, in the format of <c>POST /annotations/{id}/content/operations</c>:
/// <c>{"op":"replace"|"add"|"remove","id":…,"value":…}</c>. Rossum ignores operations in a non-2xx answer.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(ReplaceOperation), "replace")]
[JsonDerivedType(typeof(AddOperation), "add")]
[JsonDerivedType(typeof(RemoveOperation), "remove")]
public abstract record HookOperation([property: JsonPropertyOrder(-1)] long Id);
