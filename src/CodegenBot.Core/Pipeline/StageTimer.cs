namespace CodegenBot.Core.Pipeline;

/// <summary>Adds up the time spent in each stage, measured with the injected <see cref="TimeProvider"/>.</summary>
internal sealed class StageTimer(TimeProvider time)
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _timings = [];

    public async Task<T> MeasureAsync<T>(string stage, Func<Task<T>> action)
    {
        var start = time.GetTimestamp();
        try
        {
            return await action();
        }
        finally
        {
            Add(stage, time.GetElapsedTime(start));
        }
    }

    public T Measure<T>(string stage, Func<T> action)
    {
        var start = time.GetTimestamp();
        try
        {
            return action();
        }
        finally
        {
            Add(stage, time.GetElapsedTime(start));
        }
    }

    public IReadOnlyList<StageTiming> Snapshot() => _timings.Select(t => new StageTiming(t.Stage, t.Elapsed)).ToList();

    private void Add(string stage, TimeSpan elapsed)
    {
        var index = _timings.FindIndex(t => t.Stage == stage);
        if (index < 0)
        {
            _timings.Add((stage, elapsed));
        }
        else
        {
            _timings[index] = (stage, _timings[index].Elapsed + elapsed);
        }
    }
}
