using CodegenBot.Core.Context.Caching;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Core.Tests.Context.Caching;

public sealed class FileContextCacheStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codegen-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SetThenGet_ReturnsTheValueAndTheTime()
    {
        var store = Store();
        var value = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("symbols ", 1000)));
        var when = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        await store.SetAsync("repo:tree:abc", value, when, TestContext.Current.CancellationToken);
        var read = await store.GetAsync("repo:tree:abc", TestContext.Current.CancellationToken);

        Assert.Equal(value, read!.Value.Value);
        Assert.Equal(when, read.Value.WrittenAt);
        Assert.True(new FileInfo(Directory.GetFiles(_folder).Single()).Length < value.Length / 10, "stored compressed");
    }

    [Fact]
    public async Task Prune_RemovesEntriesUnusedSinceTheCutoff_AndKeepsEntriesReadSince()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new FileContextCacheStore(_folder, NullLogger<FileContextCacheStore>.Instance, time);
        await store.SetAsync("old", [1], time.GetUtcNow(), TestContext.Current.CancellationToken);
        await store.SetAsync("used", [2], time.GetUtcNow(), TestContext.Current.CancellationToken);
        foreach (var file in Directory.GetFiles(_folder))
        {
            File.SetLastWriteTimeUtc(file, time.GetUtcNow().UtcDateTime);
        }

        time.Advance(TimeSpan.FromDays(20));
        await store.GetAsync("used", TestContext.Current.CancellationToken);
        var removed = await store.PruneAsync(time.GetUtcNow() - TimeSpan.FromDays(14), TestContext.Current.CancellationToken);

        Assert.Equal(1, removed);
        Assert.Null(await store.GetAsync("old", TestContext.Current.CancellationToken));
        Assert.NotNull(await store.GetAsync("used", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Get_MissingKey_IsAMiss() => Assert.Null(await Store().GetAsync("nope", TestContext.Current.CancellationToken));

    [Fact]
    public async Task Get_CorruptEntry_IsAMissAndTheEntryIsRemoved()
    {
        var store = Store();
        await store.SetAsync("k", [1, 2, 3], DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        var file = Directory.GetFiles(_folder).Single();
        await File.WriteAllBytesAsync(file, "CGC2garbage-garbage-garbage"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.Null(await store.GetAsync("k", TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Set_SameKeyTwice_KeepsTheLatest()
    {
        var store = Store();
        await store.SetAsync("k", [1], DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        await store.SetAsync("k", [2], DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        Assert.Equal([2], (await store.GetAsync("k", TestContext.Current.CancellationToken))!.Value.Value);
        Assert.Single(Directory.GetFiles(_folder));
    }

    private FileContextCacheStore Store() => new(_folder, NullLogger<FileContextCacheStore>.Instance);
}
