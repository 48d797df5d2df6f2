namespace CoupaSandbox.Query;

/// <summary>return_object: limited = ids only, shallow = attributes plus ids/natural keys of associations.</summary>
internal enum ReturnMode
{
    Full,
    Limited,
    Shallow,
}
