namespace CoupaFunctions.Http;

/// <summary>How polling links are made. Section "StatusLinks".</summary>
public sealed class StatusLinkOptions
{
    public const string SectionName = "StatusLinks";

    /// <summary>
    /// Public root of the app, e.g. https://coupa-func.azurewebsites.net or a custom domain behind a gateway; when
    /// unset, the scheme and host of each request. Set it when a proxy rewrites the host Rossum called.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
