using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaSandbox.Hosting;

/// <summary>Endpoints are static, so they reach their sandbox through the request services.</summary>
internal static class SandboxContextExtensions
{
    public static SandboxContext Sandbox(this HttpContext context) => context.RequestServices.GetRequiredService<SandboxContext>();
}
