using System.Diagnostics.Metrics;
using CoupaIntegration.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>
/// Every measurement of the app's meter in one service provider (collectors bound to its <see cref="IMeterFactory"/>,
/// so tests running side by side never see each other's runs), plus look-ups of the run events in captured logs.
/// </summary>
public sealed class MeterCapture : IDisposable
{
    private static readonly string[] Counters =
    [
        CoupaMetrics.ImportRuns, CoupaMetrics.ImportRecordsRead, CoupaMetrics.ImportRecordsWritten, CoupaMetrics.ImportRecordsUnchanged,
        CoupaMetrics.ImportPages, CoupaMetrics.ImportRetries, CoupaMetrics.ExportRuns, CoupaMetrics.ExportRetries,
    ];
    private static readonly string[] Histograms = [CoupaMetrics.ImportDuration, CoupaMetrics.ExportDuration];

    private readonly Dictionary<string, MetricCollector<long>> _counters;
    private readonly Dictionary<string, MetricCollector<double>> _histograms;

    public MeterCapture(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _counters = Counters.ToDictionary(n => n, n => new MetricCollector<long>(meters, CoupaMetrics.MeterName, n));
        _histograms = Histograms.ToDictionary(n => n, n => new MetricCollector<double>(meters, CoupaMetrics.MeterName, n));
    }

    public IReadOnlyList<CollectedMeasurement<long>> Counter(string name) => _counters[name].GetMeasurementSnapshot();

    public IReadOnlyList<CollectedMeasurement<double>> Histogram(string name) => _histograms[name].GetMeasurementSnapshot();

    public long Sum(string name) => Counter(name).Sum(m => m.Value);

    /// <summary>The measurement's tags as text, for comparing with the expected set in one assertion.</summary>
    public static Dictionary<string, string?> Tags<T>(CollectedMeasurement<T> measurement) where T : struct =>
        measurement.Tags.ToDictionary(t => t.Key, t => t.Value?.ToString());

    /// <summary>The run events with this event id, oldest first.</summary>
    public static List<FakeLogRecord> Events(FakeLogCollector logs, Microsoft.Extensions.Logging.EventId eventId) =>
        logs.GetSnapshot().Where(r => r.Id.Id == eventId.Id && r.Id.Name == eventId.Name).ToList();

    public void Dispose()
    {
        foreach (var collector in _counters.Values) collector.Dispose();
        foreach (var collector in _histograms.Values) collector.Dispose();
    }
}
