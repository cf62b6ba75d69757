using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CodegenBot.Core.Security;

namespace CodegenBot.Core.Quality.Validation;

/// <summary>What running one command did: the harness's own evidence, never the model's claim.</summary>
/// <param name="Command">The command.</param>
/// <param name="ExitCode">Its exit code; null when it did not start or was killed.</param>
/// <param name="TimedOut">Whether it was killed at the time limit.</param>
/// <param name="NotFound">Whether the program is not installed.</param>
/// <param name="Duration">Wall time.</param>
/// <param name="Output">Standard output and error interleaved, capped (head and tail kept), secrets redacted.</param>
/// <param name="Truncated">Whether the cap cut the output.</param>
public sealed record CommandResult(ValidationCommand Command, int? ExitCode, bool TimedOut, bool NotFound, TimeSpan Duration, string Output, bool Truncated)
{
    /// <summary>Whether it ran to completion with exit code 0.</summary>
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs a validation command in the work tree without a shell, with a time limit (the whole process tree is
/// killed), an output cap, and an environment without the run's secrets (every secret-named variable removed).
/// </summary>
internal sealed class CommandRunner(TimeProvider time)
{
    public async Task<CommandResult> RunAsync(ValidationCommand command, string workDirectory, TimeSpan timeout, int outputCap, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command.Executable)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var secrets = start.Environment.Where(e => SecretNames.IsSecretName(e.Key)).ToList();
        foreach (var (name, _) in secrets)
        {
            start.Environment.Remove(name);
        }

        start.Environment["CI"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new CappedOutput(outputCap);
        var began = time.GetTimestamp();
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return new CommandResult(command, null, false, true, TimeSpan.Zero, $"{command.Executable} is not installed or not on PATH.", false);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        var redactor = new SecretRedactor(secrets.Select(s => s.Value));
        var (text, truncated) = output.Text();
        return new CommandResult(command, timedOut ? null : process.ExitCode, timedOut, false, time.GetElapsedTime(began), redactor.Redact(text).Text, truncated);
    }

    /// <summary>Keeps the first and the last half of the cap; what is between is counted, not kept.</summary>
    private sealed class CappedOutput(int cap)
    {
        private readonly Lock _gate = new();
        private readonly StringBuilder _head = new();
        private readonly Queue<string> _tail = new();
        private int _tailLength;
        private long _dropped;

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                if (_head.Length + line.Length + 1 <= cap / 2)
                {
                    _head.Append(line).Append('\n');
                    return;
                }

                _tail.Enqueue(line);
                _tailLength += line.Length + 1;
                while (_tailLength > cap / 2 && _tail.Count > 0)
                {
                    var dropped = _tail.Dequeue();
                    _tailLength -= dropped.Length + 1;
                    _dropped += dropped.Length + 1;
                }
            }
        }

        public (string Text, bool Truncated) Text()
        {
            lock (_gate)
            {
                var text = _dropped > 0
                    ? $"{_head}[... {_dropped} characters of output left out ...]\n{string.Join('\n', _tail)}"
                    : _head + string.Join('\n', _tail);
                return (text.TrimEnd('\n'), _dropped > 0);
            }
        }
    }
}
