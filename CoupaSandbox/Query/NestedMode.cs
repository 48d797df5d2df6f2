namespace CoupaSandbox.Query;

/// <summary>How a <c>fields</c> entry shapes an association.</summary>
internal enum NestedMode
{
    /// <summary>"name" or {"custom_fields":{}}: the value as it is.</summary>
    Whole,

    /// <summary>{"country":[]}: only the association's id.</summary>
    IdOnly,

    /// <summary>{"supplier":["id","name"]}: the listed attributes of the association (or of each list element).</summary>
    Select,
}
