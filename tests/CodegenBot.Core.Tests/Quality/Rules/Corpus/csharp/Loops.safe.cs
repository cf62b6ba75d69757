// Test data for the rule corpus: safe look-alikes. Not compiled.
using System.Text;
using System.Text.RegularExpressions;

namespace Corpus;

public partial class SafeReports(AppDbContext db)
{
    private static readonly Regex Word = new("\\w+", RegexOptions.Compiled);

    public string Csv(IEnumerable<Order> orders)
    {
        var csv = new StringBuilder();
        foreach (var order in orders)
        {
            csv.Append(order.Id).Append(',').Append(order.Total).Append('\n');
        }

        return csv.ToString();
    }

    public int Sum(int[] values)
    {
        var total = 0;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    public void Wire(Button[] buttons)
    {
        foreach (var button in buttons)
        {
            button.Click += OnClick;
            var label = "";
            label += button.Name;
        }
    }

    public int CountMatches(string[] lines)
    {
        var count = 0;
        foreach (var line in lines)
        {
            if (Word.IsMatch(line) || Digits().IsMatch(line))
            {
                count++;
            }
        }

        return count;
    }

    public List<Customer> Customers(IEnumerable<Order> orders)
    {
        var ids = orders.Select(o => o.CustomerId).ToList();
        var customers = db.Customers.Where(c => ids.Contains(c.Id)).ToList();
        foreach (var order in orders)
        {
            Console.WriteLine(order.Id);
        }

        return customers;
    }

    public (int, decimal) Stats(List<Order> orders)
    {
        var paid = orders.Where(o => o.Paid).ToList();
        var count = paid.Count;
        var total = paid.Sum(o => o.Total);
        return (count, total);
    }

    public int Once(List<Order> orders)
    {
        IEnumerable<Order> paid = orders.Where(o => o.Paid);
        return paid.Count();
    }

    [GeneratedRegex("\\d+")]
    private static partial Regex Digits();
}
