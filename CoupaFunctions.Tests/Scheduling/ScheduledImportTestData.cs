using CoupaIntegration.Scheduling;

namespace CoupaFunctions.Tests.Scheduling;

public static class ScheduledImportTestData
{
    public const string PurchaseOrderSettings =
        """{"credentials":{"client_id":"client-1","base_api_url":"https://acme.coupahost.com/"},"import_config":{"dataset_name":"purchase_orders_prod"},"job_run_settings":{"max_run_time_s":3600}}""";

    public static ScheduledImportJob Job(string name = "po", string cron = "*/15 * * * *", string? type = "purchase_orders", string settings = PurchaseOrderSettings) =>
        new() { Name = name, Type = type, Cron = cron, RossumBaseUrl = "https://acme.rossum.app", Settings = settings };

    public static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture);
}
