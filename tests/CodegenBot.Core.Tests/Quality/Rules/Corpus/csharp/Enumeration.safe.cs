// Test data for the rule corpus: safe look-alikes. Not compiled.
namespace Corpus;

public class SafeDashboards(AppDbContext db)
{
    public string Summary(IReadOnlyList<Invoice> invoices)
    {
        var overdue = invoices.Where(i => i.DueDate < Today && !i.Paid).ToList();
        var count = overdue.Count;
        var amount = overdue.Sum(i => i.Amount);
        return $"{count} overdue, {amount} due";
    }

    public int Count(List<Order> orders)
    {
        var paid = orders.Where(o => o.Paid);
        return paid.Count();
    }

    public void Export(List<Order> orders, TextWriter writer)
    {
        var lines = orders.Select(o => $"{o.Id};{o.Total}").ToArray();
        writer.WriteLine(lines.First());
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }

    public decimal Total(List<Order> orders)
    {
        var total = orders.Sum(o => o.Total);
        var count = orders.Count();
        return count == 0 ? 0 : total / count;
    }
}
