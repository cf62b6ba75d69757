using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests.Context.Symbols;

public sealed class NameTableTests
{
    [Fact]
    public void IndexOf_FindsEveryAddedNameBySpanAcrossGrowth_AndNoOther()
    {
        var table = new NameTable();
        var names = Enumerable.Range(0, 5000).Select(i => $"name{i}").ToList();
        foreach (var name in names)
        {
            Assert.Equal(-1, table.IndexOf(name, NameTable.Hash(name)));
            var entry = table.Add(name, NameTable.Hash(name));
            table.Marks[entry] = entry * 3;
        }

        Assert.Equal(names.Count, table.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var span = ("x" + names[i] + "y").AsSpan(1, names[i].Length);
            var entry = table.IndexOf(span, NameTable.Hash(span));
            Assert.Equal(i, entry);
            Assert.Same(names[i], table[entry]);
            Assert.Equal(i * 3, table.Marks[entry]);
        }

        Assert.Equal(-1, table.IndexOf("name5000", NameTable.Hash("name5000")));
    }

    [Fact]
    public void IndexOf_NamesWithTheSameHash_AreToldApartByTheirText()
    {
        var table = new NameTable();
        table.Add("first", 42);
        table.Add("second", 42);
        table.Add("third", 42 + 1024);

        Assert.Equal(0, table.IndexOf("first", 42));
        Assert.Equal(1, table.IndexOf("second", 42));
        Assert.Equal(2, table.IndexOf("third", 42 + 1024));
        Assert.Equal(-1, table.IndexOf("fourth", 42));
    }

    [Fact]
    public void Clear_ForgetsEveryName_AndNewNamesStartFromEntryZeroWithMarkZero()
    {
        var table = new NameTable();
        var entry = table.Add("kept", NameTable.Hash("kept"));
        table.Marks[entry] = 7;

        table.Clear();

        Assert.Equal(0, table.Count);
        Assert.Equal(-1, table.IndexOf("kept", NameTable.Hash("kept")));
        Assert.Equal(0, table.Add("other", NameTable.Hash("other")));
        Assert.Equal(0, table.Marks[0]);
    }

    [Fact]
    public void Intern_GivesOneSharedCopyPerName_OnEveryThread()
    {
        var first = Names.Intern("SharedIdentifierForTheTest".AsSpan());
        string? other = null;
        var thread = new Thread(() => other = Names.Intern("xSharedIdentifierForTheTest".AsSpan(1)));
        thread.Start();
        thread.Join();

        Assert.Same(first, other);
        Assert.Same(first, Names.Intern(new string("SharedIdentifierForTheTest".ToCharArray())));
    }
}
