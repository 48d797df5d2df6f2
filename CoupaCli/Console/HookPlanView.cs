using CoupaIntegration.Rossum.Setup;
using Spectre.Console;

namespace CoupaCli.Console;

/// <summary>
/// What `coupa rossum install` prints: the plan as a table (create / update / unchanged / keep, with the fields that
/// would change), notes about hooks that are not ours, then each write as it happens. Function keys are masked
/// and secrets never shown, except a newly made signature secret with no Key Vault to keep it: once, at the end.
/// </summary>
internal static class HookPlanView
{
    public static void WritePlan(HookInstallPreview preview, bool dryRun)
    {
        var plan = preview.Plan;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{(dryRun ? "Plan (dry run)" : "Plan")} for {preview.Client.Organisation}"));
        // Role and id name a hook; its full name would crowd out the changes, which are what the plan is for.
        foreach (var column in new[] { "action", "hook", "id", "changes" })
            table.AddColumn(new TableColumn(column) { NoWrap = column is not "changes" });
        foreach (var item in plan.Items)
            table.AddRow(Markup.Escape(Verb(item.Action)), Markup.Escape(item.Role.Label), item.HookId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "new",
                Markup.Escape(What(item)));
        AnsiConsole.Write(table);
        System.Console.WriteLine($"{plan.Count(HookPlanAction.Create)} to create, {plan.Count(HookPlanAction.Update)} to update, " +
            $"{plan.Count(HookPlanAction.Unchanged)} unchanged{(plan.Count(HookPlanAction.Keep) > 0 ? $", {plan.Count(HookPlanAction.Keep)} left as they are" : "")}.");
        System.Console.WriteLine("Signature secret: " + Describe(preview, dryRun));
        foreach (var note in plan.Notes) System.Console.WriteLine("Note: " + note);
    }

    public static void WriteApplied(HookPlanItem item)
    {
        if (item.Action == HookPlanAction.Create) System.Console.WriteLine($"created hook {item.HookId} '{item.Name}'");
        else if (item.Action == HookPlanAction.Update) System.Console.WriteLine($"updated hook {item.HookId} '{item.Name}': {string.Join(", ", item.Changes.Select(c => c.Path))}");
    }

    public static void WriteDone(HookInstallPreview preview, IReadOnlyList<HookPlanItem> applied)
    {
        System.Console.WriteLine($"Done: {applied.Count(i => i.Action == HookPlanAction.Create)} created, {applied.Count(i => i.Action == HookPlanAction.Update)} updated, " +
            $"{applied.Count(i => i.Action == HookPlanAction.Unchanged)} unchanged.");
        var signature = preview.Signature;
        if (signature.MustBeStored)
            System.Console.WriteLine($"A new webhook signature secret is in Key Vault {preview.Request.KeyVaultUri} as '{SignatureSecretStore.SecretName}'. " +
                "Restart the Function App so its Key Vault reference (Webhooks__SignatureSecret) reads the new version.");
        if (signature.MustBeShown)
        {
            // The only copy outside Rossum: Rossum may never show it again and there is no Key Vault.
            System.Console.WriteLine("New webhook signature secret (shown only this once; Rossum signs every call with it):");
            System.Console.WriteLine("  " + signature.Value!.Reveal());
            System.Console.WriteLine("Set it on the Function App as the app setting Webhooks__SignatureSecret (e.g. az functionapp config appsettings set " +
                "-g <group> -n <app> --settings Webhooks__SignatureSecret=<the secret above>), or keep it in Key Vault and pass --key-vault-uri next time.");
        }
    }

    private static string Verb(HookPlanAction action) => action switch
    {
        HookPlanAction.Create => "create",
        HookPlanAction.Update => "update",
        HookPlanAction.Unchanged => "unchanged",
        _ => "keep",
    };

    private static string What(HookPlanItem item) => item.Action switch
    {
        HookPlanAction.Update => string.Join('\n', item.Changes.Select(c => $"{c.Path}: {c.Before} → {c.After}")),
        _ => item.Details ?? "",
    } + (item.Problem is null ? "" : $"\n! {item.Problem}");

    private static string Describe(HookInstallPreview preview, bool dryRun) => preview.Signature.Source switch
    {
        SignatureSecretSource.KeyVault => $"from Key Vault ({SignatureSecretStore.SecretName})",
        SignatureSecretSource.KeyVaultNew => dryRun ? $"would be made and stored in Key Vault as {SignatureSecretStore.SecretName}" : $"new, stored in Key Vault as {SignatureSecretStore.SecretName}",
        SignatureSecretSource.Given => "as given",
        SignatureSecretSource.ExistingHooks => "the one our hooks already have",
        SignatureSecretSource.Generated => dryRun ? "would be made (and shown once)" : "new, shown once at the end",
        _ => "not known (Rossum does not show it): our hooks keep theirs",
    };
}
