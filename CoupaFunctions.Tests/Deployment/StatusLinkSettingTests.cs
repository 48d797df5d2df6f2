using CoupaFunctions.Http;
using Microsoft.AspNetCore.Http;

namespace CoupaFunctions.Tests.Deployment;

/// <summary>StatusLinks:PublicBaseUrl as app settings give it: set, or present but empty.</summary>
public sealed class StatusLinkSettingTests
{
    [Fact]
    public void EmptySetting_BindsToARelativeUri_AndMeansTheRequestsHost()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "https";
        request.Host = new HostString("func-abc.azurewebsites.net");

        var url = WebhookHttp.StatusUrl(request, new Uri("", UriKind.RelativeOrAbsolute))("run-1", "tok");

        Assert.StartsWith("https://func-abc.azurewebsites.net/api/", url);
    }

    [Fact]
    public void ConfiguredSetting_IsTheRootOfTheLink()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("internal:8080");

        var url = WebhookHttp.StatusUrl(request, new Uri("https://coupa.acme.example/"))("run-1", "tok");

        Assert.StartsWith("https://coupa.acme.example/api/", url);
        Assert.EndsWith("?token=tok", url);
    }
}
