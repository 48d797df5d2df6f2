using CoupaIntegration.Imports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoupaFunctions.Functions;

/// <summary>Liveness probe: answers without touching Coupa or Rossum, and lists the import types this app serves.</summary>
public sealed class HealthFunction(ImportCatalog catalog)
{
    [Function(nameof(HealthFunction))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok", importTypes = catalog.Entries.Select(e => e.Type) });
}
