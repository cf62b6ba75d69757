using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Core.Security;

/// <summary>
/// Middleware that redacts secrets from everything sent to the model: message text and tool results. The caller's
/// messages are left untouched (copies are sent); the count of redactions is logged, never the values.
/// </summary>
internal sealed partial class RedactingChatClient(IChatClient inner, SecretRedactor redactor, ILogger logger) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Redact(messages), options, cancellationToken);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(Redact(messages), options, cancellationToken))
        {
            yield return update;
        }
    }

    private List<ChatMessage> Redact(IEnumerable<ChatMessage> messages)
    {
        var total = 0;
        var result = new List<ChatMessage>();
        foreach (var message in messages)
        {
            var contents = new List<AIContent>(message.Contents.Count);
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent text:
                        var (clean, count) = redactor.Redact(text.Text);
                        total += count;
                        contents.Add(count == 0 ? text : new TextContent(clean));
                        break;
                    case FunctionResultContent { Result: not null } function:
                        // Results come as strings or as JSON (AIFunctionFactory returns JsonElement); redact their text either way.
                        var value = function.Result switch
                        {
                            string text2 => text2,
                            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json => json.GetString() ?? "",
                            var other => System.Text.Json.JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions),
                        };
                        var (cleanResult, resultCount) = redactor.Redact(value);
                        total += resultCount;
                        contents.Add(resultCount == 0 ? function : new FunctionResultContent(function.CallId, cleanResult));
                        break;
                    default:
                        contents.Add(content);
                        break;
                }
            }

            result.Add(new ChatMessage(message.Role, contents) { AuthorName = message.AuthorName, MessageId = message.MessageId });
        }

        if (total > 0)
        {
            LogRedacted(logger, total);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redacted {Count} secret(s) from the prompt before sending it to the model")]
    private static partial void LogRedacted(ILogger logger, int count);
}
