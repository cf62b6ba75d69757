// Test data for the rule corpus: safe look-alikes. Not compiled.
using Microsoft.AspNetCore.Mvc;

namespace Corpus;

public class SafeFilesController(IWebHostEnvironment env, HttpClient http, IOptions<Urls> urls) : Controller
{
    public IActionResult Download()
    {
        var name = Path.GetFileName(Request.Query["file"].ToString());
        var path = Path.Combine(env.ContentRootPath, "files", name);
        return PhysicalFile(path, "application/octet-stream");
    }

    public async Task<IActionResult> Upload(IFormFile file)
    {
        var target = Path.Combine("/var/uploads", Guid.NewGuid().ToString("N"));
        await using var stream = new FileStream(target, FileMode.Create);
        await file.CopyToAsync(stream);
        return Ok();
    }

    public string Template() => File.ReadAllText(Path.Combine(env.ContentRootPath, "template.html"));

    public async Task<IActionResult> Status()
    {
        var body = await http.GetStringAsync(urls.Value.StatusPage);
        return Content(body);
    }

    public async Task<IActionResult> Echo()
    {
        using var reader = new StreamReader(File.OpenRead("data.txt"));
        var text = await reader.ReadToEndAsync();
        return Content(text);
    }

    public IHtmlContent Banner() => Html.Raw("<b>Welcome</b>");

    public async Task<string> Fetch(string url) => await http.GetStringAsync(url);

    public async Task Save(Order order)
    {
        await SaveAsync(order);
        var task = LoadAsync(order.Id);
        await task;
        var loaded = task.Result;
        var outcome = validation.Result;
    }
}
