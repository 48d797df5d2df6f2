namespace CoupaIntegration.Rossum.Webhooks.Annotations;

/// <summary>The payload's <c>document</c>: where the original file is (<see cref="ContentUrl"/>, fetched with the payload token) and its name.</summary>
public sealed record AnnotationDocument(long? Id, Uri? Url, Uri? ContentUrl, string? OriginalFileName, string? MimeType);
