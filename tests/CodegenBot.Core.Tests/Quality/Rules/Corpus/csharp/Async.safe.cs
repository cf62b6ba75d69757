// Test data for the rule corpus: safe look-alikes. Not compiled.
using System.Xml;

namespace Corpus;

public class SafeSync(HttpClient http, IRepository repository)
{
    public Task<string> Name(int id) => repository.GetNameAsync(id);

    public async Task Flush(CancellationToken cancellationToken) => await repository.SaveChangesAsync(cancellationToken);

    public async Task All(Task[] tasks) => await Task.WhenAll(tasks);

    public int Completed(Task<int> task) => task.IsCompletedSuccessfully ? task.Result : 0;

    public string Outcome(ValidationResult validation) => validation.Result.ToString();

    public XmlDocument Load(string xml)
    {
        var document = new XmlDocument { XmlResolver = null };
        document.LoadXml(xml);
        return document;
    }

    public void Wait(SemaphoreSlim gate) => gate.Wait(TimeSpan.FromSeconds(1));

    public int Report(IEnumerable<Order> orders)
    {
        var late = orders.Where(o => o.Late).ToArray();
        foreach (var order in late)
        {
            Console.WriteLine(order.Id);
        }

        return late.Length;
    }

    public int Twice(List<Order> orders)
    {
        IEnumerable<Order> late = orders.Where(o => o.Late);
        var first = late.Count();
        late = orders.Where(o => o.Paid);
        return first + late.Count();
    }
}
