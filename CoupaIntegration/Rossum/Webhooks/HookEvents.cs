namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>Wire values of <c>event</c> and <c>action</c> that this product handles.</summary>
public static class HookEvents
{
    public const string Invocation = "invocation";

    /// <summary>Annotation events (initialize, confirm, export, …): parsed by a later task, recognised already.</summary>
    public const string AnnotationContent = "annotation_content";

    public const string Export = "export";
    public const string Initialize = "initialize";
    public const string Updated = "updated";

    public const string Scheduled = "scheduled";
    public const string Manual = "manual";

    /// <summary>Rossum's <c>generate_payload</c> example spells the scheduled action this way; accepted as scheduled.</summary>
    public const string ScheduleDocsSpelling = "schedule";
}
