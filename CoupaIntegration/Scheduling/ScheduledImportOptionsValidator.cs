using Cronos;
using CoupaIntegration.Imports;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Scheduling;

/// <summary>
/// Checks every scheduled job at start-up and reports all problems at once, each with its configuration key
/// (<c>ScheduledImports:Jobs:0:Cron</c>), so a mistake shows before the first tick rather than at 2 a.m.
/// </summary>
public sealed class ScheduledImportOptionsValidator(ImportCatalog catalog) : IValidateOptions<ScheduledImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduledImportOptions options)
    {
        var errors = new List<string>();
        const string section = ScheduledImportOptions.SectionName;
        try
        {
            CronSchedule.Parse(options.TimerSchedule ?? "");
        }
        catch (CronFormatException e)
        {
            errors.Add($"{section}:{nameof(options.TimerSchedule)}: '{options.TimerSchedule}' is not a cron expression ({e.Message}).");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Jobs.Count; i++)
        {
            var job = options.Jobs[i];
            var key = $"{section}:{nameof(options.Jobs)}:{i}";
            if (string.IsNullOrWhiteSpace(job.Name)) errors.Add($"{key}:{nameof(job.Name)} is required.");
            else if (!names.Add(job.Name)) errors.Add($"{key}:{nameof(job.Name)}: '{job.Name}' is used by another job.");

            if (string.IsNullOrWhiteSpace(job.Cron)) errors.Add($"{key}:{nameof(job.Cron)} is required (e.g. */15 * * * *).");
            else
                try { CronSchedule.Parse(job.Cron); }
                catch (CronFormatException e) { errors.Add($"{key}:{nameof(job.Cron)}: '{job.Cron}' is not a cron expression ({e.Message})."); }

            if (job.RossumBaseUrl is { Length: > 0 } url
                && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                errors.Add($"{key}:{nameof(job.RossumBaseUrl)}: '{url}' is not an absolute http(s) URL such as https://acme.rossum.app.");

            if (string.IsNullOrWhiteSpace(job.Settings)) errors.Add($"{key}:{nameof(job.Settings)} is required: the hook settings object as JSON.");
            else
                try { ScheduledImportRequests.Resolve(catalog, job); }
                catch (SettingsValidationException e) { errors.AddRange(e.Errors.Select(x => $"{key}:{nameof(job.Settings)}: {x.Path} {x.Message}.")); }
                catch (Common.IntegrationException e) { errors.Add($"{key}: {e.Message}"); }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
