using CodegenBot.Testing;

namespace CodegenBot.EndToEnd.Tests;

/// <summary>
/// Learning's measured effect (issue: "a replay experiment with the fake model server"): a scripted model forgets a
/// semicolon on its first answer unless the prompt carries the lesson; the same five tasks with learning off and on.
/// </summary>
public sealed class LearningReplayTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codegen-replay-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        RemoteRepository.DeleteFolder(_folder);
    }

    [Fact]
    public async Task Replay_LessonLearntFromTwoTasks_SavesAnAttemptOnEveryLaterTask()
    {
        var result = await LearningReplay.RunAsync(_folder, tasks: 5, TestContext.Current.CancellationToken);

        Assert.All(result.Without.Concat(result.With), t => Assert.True(t.Succeeded, t.Task));
        Assert.Equal([2, 2, 2, 2, 2], result.Without.Select(t => t.Attempts));
        Assert.All(result.Without, t => Assert.Equal(0, t.LessonsUsed));

        // Tasks 1 and 2 hit the mistake and make it a pattern; from task 3 on the prompt carries the lesson.
        Assert.Equal([2, 2, 1, 1, 1], result.With.Select(t => t.Attempts));
        Assert.Equal([0, 0, 1, 1, 1], result.With.Select(t => t.LessonsUsed));
        Assert.Equal(0.3, result.Effectiveness, 10);
    }
}
