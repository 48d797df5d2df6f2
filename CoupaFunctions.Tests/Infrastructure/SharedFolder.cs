namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>
/// The project's shared reference material (<c>../shared</c> beside the repository), read in place and never
/// copied. Where it is absent, tests that need it skip with the reason rather than pass.
/// </summary>
public static class SharedFolder
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string? Path
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("COUPA_SHARED_DIR");
            var candidate = fromEnvironment ?? System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(System.IO.Path.Combine(candidate, "fixtures", "cib")) ? candidate : null;
        }
    }

    public static string CibHooks => System.IO.Path.Combine(RequirePath(), "fixtures", "cib", "hooks");

    /// <summary>The folder, or a skip naming what is missing.</summary>
    public static string RequirePath()
    {
        var path = Path;
        if (path is null)
            Assert.Skip($"Shared fixtures not found at {System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "fixtures", "cib"))} (set COUPA_SHARED_DIR to the shared folder).");
        return path!;
    }

    public static IEnumerable<string> ImportHookFiles() =>
        Directory.EnumerateFiles(CibHooks, "coupa-webhook-import-*.json").Order(StringComparer.Ordinal);

    /// <summary>Import hook fixture names for theories; empty when the folder is absent (the theory then skips).</summary>
    public static TheoryData<string> ImportHookNames()
    {
        var data = new TheoryData<string>();
        var path = Path;
        if (path is null) data.Add("(shared folder absent)");
        else foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(path, "fixtures", "cib", "hooks"), "coupa-webhook-import-*.json").Order(StringComparer.Ordinal))
            data.Add(System.IO.Path.GetFileName(file));
        return data;
    }

    public static string ImportHook(string name)
    {
        var file = System.IO.Path.Combine(CibHooks, name);
        if (!File.Exists(file)) Assert.Skip($"Shared fixture {name} not found.");
        return File.ReadAllText(file);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CoupaFunctions.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (CoupaFunctions.slnx) not found above " + AppContext.BaseDirectory);
    }
}
