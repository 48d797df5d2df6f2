using CoupaFunctions.Extensions;
using CoupaIntegration;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// A table of contents: the Functions host, then one call per area.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseErrorAnswers();
builder.Services.AddCoupaIntegration(builder.Configuration);
builder.Services.AddImportFunctions();
builder.Services.AddCoupaTelemetry(builder.Configuration);
builder.Build().Run();
