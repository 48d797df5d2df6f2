using CoupaIntegration;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// A table of contents: the Functions host, then one call per area of the core.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCoupaIntegration(builder.Configuration);
builder.Build().Run();
