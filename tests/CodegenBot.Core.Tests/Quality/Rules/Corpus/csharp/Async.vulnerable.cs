// Test data for the rule corpus: performance and parser anti-patterns. Not compiled.
using System.Text.RegularExpressions;
using System.Xml;

namespace Corpus;

public class Sync(HttpClient http, IRepository repository)
{
    public string Name(int id) => repository.GetNameAsync(id).Result; // expect: CG4001

    public void Flush() => repository.SaveChangesAsync(CancellationToken.None).Wait(); // expect: CG4001

    public void All(Task[] tasks) => Task.WaitAll(tasks); // expect: CG4001

    public string[] Pages(string[] urls)
    {
        var result = new List<string>();
        foreach (var url in urls)
        {
            result.Add(http.GetStringAsync(new Uri(url)).GetAwaiter().GetResult()); // expect: CG4001
        }

        return [.. result];
    }

    public XmlDocument Load(string xml)
    {
        var document = new XmlDocument { XmlResolver = new XmlUrlResolver() }; // expect: CG5005
        document.LoadXml(xml);
        return document;
    }

    public List<string> Clean(IEnumerable<string> lines, IReadOnlyList<string> patterns)
    {
        var result = new List<string>();
        foreach (var line in lines)
        {
            for (var i = 0; i < patterns.Count; i++)
                result.Add(new Regex(patterns[i]).Replace(line, "")); // expect: CG4004
        }

        return result;
    }

    public int Report(List<Order> orders)
    {
        IEnumerable<Order> late = orders.Where(o => o.Late);
        foreach (var order in late)
        {
            Console.WriteLine(order.Id);
        }

        return late.Count(); // expect: CG4003
    }
}
