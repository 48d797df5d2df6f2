namespace CoupaCli.Console;

/// <summary>Progress&lt;T&gt; posts to the thread pool out of order; console output wants each report at once, in order.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
