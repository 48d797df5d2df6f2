namespace CoupaSandbox.Query;

/// <summary>One entry of a <c>fields</c> array; Nested is set for <see cref="NestedMode.Select"/>.</summary>
internal sealed record FieldRequest(string Name, NestedMode Mode, FieldSelection? Nested);
