// Test data for the rule corpus: repeated enumeration of lazy sequences. Not compiled.
namespace Corpus;

public class Dashboards(AppDbContext db)
{
    public string Summary(IReadOnlyList<Invoice> invoices)
    {
        var overdue = invoices.Where(i => i.DueDate < Today && !i.Paid);
        var count = overdue.Count();
        var amount = overdue.Sum(i => i.Amount); // expect: CG4003
        return $"{count} overdue, {amount} due";
    }

    public List<string> Names()
    {
        IEnumerable<Customer> active = db.Customers.Where(c => c.Active);
        if (!active.Any())
        {
            return [];
        }

        return active.Select(c => c.Name).ToList(); // expect: CG4003
    }

    public void Export(List<Order> orders, TextWriter writer)
    {
        var lines = orders.Select(o => $"{o.Id};{o.Total}");
        writer.WriteLine(lines.First());
        foreach (var line in lines) // expect: CG4003
        {
            writer.WriteLine(line);
        }
    }

    public decimal Average(List<Order> orders)
    {
        var paid = orders.Where(o => o.Paid).OrderBy(o => o.Date);
        return paid.Any() ? paid.Average(o => o.Total) : 0; // expect: CG4003
    }
}
