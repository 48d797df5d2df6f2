using System.Collections;
using System.Globalization;
using System.Reflection;
using CoupaFunctions.Extensions;
using CoupaIntegration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoupaFunctions.Tests.Deployment;

/// <summary>One app setting the Function App's code reads: <c>Section__Property</c>, or a list/dictionary prefix.</summary>
public sealed record CodeSetting(string Name, bool IsCollection, string? DefaultValue);

/// <summary>
/// The app settings the Function App reads, derived from the code rather than listed by hand: the options classes
/// that Program.cs's registrations bind (read back from the service collection), each property a setting; plus the
/// host's and platform's own settings, which no options class describes, listed explicitly.
/// </summary>
public static class AppSettingsCatalog
{
    /// <summary>Read by the Functions host or Azure in every Azure deployment (infra/modules/appSettings.bicep, hostSettings).</summary>
    public static readonly string[] AzureHostSettings =
    [
        "AzureWebJobsStorage__accountName",      // host + Durable storage, reached with the managed identity
        "AzureWebJobsStorage__credential",       // "managedidentity"
        "APPLICATIONINSIGHTS_CONNECTION_STRING", // telemetry; the exporter is on only when it is set
        "TASKHUB_NAME",                          // host.json: durableTask.hubName = %TASKHUB_NAME%
    ];

    /// <summary>Elastic Premium only (Flex Consumption refuses them; its runtime and package are in functionAppConfig).</summary>
    public static readonly string[] ElasticPremiumHostSettings =
    [
        "FUNCTIONS_EXTENSION_VERSION",
        "FUNCTIONS_WORKER_RUNTIME",
        "WEBSITE_RUN_FROM_PACKAGE",                     // the package blob the app runs from (no key-based content share)
        "WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID", // fetched with the system-assigned identity
    ];

    /// <summary>Read by Core Tools / the local host (local.settings.sample.json).</summary>
    public static readonly string[] LocalHostSettings = ["AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "TASKHUB_NAME"];

    /// <summary>
    /// Settings whose Azure value differs from the code's default on purpose (deploymentSettings in the Bicep):
    /// the SQLite default is relative to the read-only package, so Azure writes under /tmp.
    /// </summary>
    public static readonly string[] DeploymentSpecificDefaults = ["Local__DataHub"];

    public static IReadOnlyList<CodeSetting> CodeSettings { get; } = Derive();

    public static IEnumerable<CodeSetting> Scalars => CodeSettings.Where(s => !s.IsCollection);

    public static IEnumerable<CodeSetting> Collections => CodeSettings.Where(s => s.IsCollection);

    /// <summary>The options classes bound by the Function App's own registrations (Program.cs).</summary>
    public static IReadOnlyList<Type> FunctionAppOptionsTypes()
    {
        var services = new ServiceCollection();
        services.AddCoupaIntegration(new ConfigurationBuilder().Build());
        services.AddImportFunctions();
        // BindConfiguration registers a change-token source per options class bound to configuration.
        return services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => SectionOf(t) is not null)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A name as written in a settings file, reduced to the setting it belongs to (an indexed key to its prefix).</summary>
    public static string Normalize(string name)
    {
        foreach (var collection in Collections)
            if (name.StartsWith(collection.Name + "__", StringComparison.Ordinal)) return collection.Name;
        return name;
    }

    /// <summary>"missing: …; extra: …" for a comparison's failure message.</summary>
    public static string Difference(string what, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return missing.Count == 0 && extra.Count == 0
            ? ""
            : $"{what}: missing [{string.Join(", ", missing)}]; extra [{string.Join(", ", extra)}]";
    }

    private static List<CodeSetting> Derive()
    {
        var settings = new List<CodeSetting>();
        foreach (var type in FunctionAppOptionsTypes())
        {
            var section = SectionOf(type)!;
            var defaults = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                var name = $"{section}__{property.Name}";
                if (IsScalar(property.PropertyType))
                    settings.Add(new CodeSetting(name, false, Invariant(property.GetValue(defaults))));
                else if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
                    settings.Add(new CodeSetting(name, true, null));
                else
                    throw new InvalidOperationException($"{type.Name}.{property.Name}: a nested options object; teach {nameof(AppSettingsCatalog)} its settings.");
            }
        }
        return settings;
    }

    private static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Uri) || t == typeof(TimeSpan);
    }

    private static string? Invariant(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
}
