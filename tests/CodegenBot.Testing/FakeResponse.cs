using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CodegenBot.Testing;

/// <summary>A scripted answer of the <see cref="FakeModelServer"/>, written in the wire format of the request (OpenAI or Anthropic).</summary>
public abstract record FakeResponse
{
    /// <summary>A normal assistant answer; streamed as server-sent events when the request asks for a stream.</summary>
    public static FakeResponse Text(string content, int promptTokens = 100, int completionTokens = 50) =>
        new TextResponse(content, promptTokens, completionTokens);

    /// <summary>An assistant message that calls tools.</summary>
    public static FakeResponse ToolCalls(params (string Name, string ArgumentsJson)[] calls) => new ToolCallsResponse(calls);

    /// <summary>An error status such as 429 (with Retry-After), 500 or 401, with an OpenAI-style error body.</summary>
    public static FakeResponse Status(int statusCode, string? retryAfter = null, string? body = null) => new StatusResponse(statusCode, retryAfter, body, null);

    /// <summary>An error status with any response headers, such as <c>x-ratelimit-reset-requests: 2s</c>.</summary>
    public static FakeResponse StatusWithHeaders(int statusCode, params (string Name, string Value)[] headers) => new StatusResponse(statusCode, null, null, headers);

    /// <summary>Waits (until the client gives up) and then answers.</summary>
    public static FakeResponse Delay(TimeSpan delay, FakeResponse then) => new DelayResponse(delay, then);

    /// <summary>200 with a body that is not valid JSON.</summary>
    public static FakeResponse MalformedJson() => new MalformedResponse();

    /// <summary>Aborts the connection without answering.</summary>
    public static FakeResponse DropConnection() => new DropResponse();

    internal abstract Task WriteAsync(HttpContext context, RecordedRequest request);

    private protected static JsonObject Usage(int prompt, int completion) => new()
    {
        ["prompt_tokens"] = prompt,
        ["completion_tokens"] = completion,
        ["total_tokens"] = prompt + completion,
    };

    private protected static JsonObject Envelope(string objectType, RecordedRequest request) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = objectType,
        ["created"] = 1_767_225_600,
        ["model"] = request.Model.Length > 0 ? request.Model : "fake-model",
    };

    private protected static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private sealed record TextResponse(string Content, int PromptTokens, int CompletionTokens) : FakeResponse
    {
        internal override async Task WriteAsync(HttpContext context, RecordedRequest request)
        {
            if (request.Protocol == ModelProtocol.Anthropic)
            {
                await Anthropic.WriteMessageAsync(context, request, [new JsonObject { ["type"] = "text", ["text"] = Content }], "end_turn", PromptTokens, CompletionTokens);
                return;
            }

            if (!request.Stream)
            {
                var body = Envelope("chat.completion", request);
                body["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Content },
                    ["finish_reason"] = "stop",
                });
                body["usage"] = Usage(PromptTokens, CompletionTokens);
                await WriteJsonAsync(context, 200, body);
                return;
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            var pieces = Split(Content, 3);
            for (var i = 0; i < pieces.Count; i++)
            {
                var delta = new JsonObject { ["content"] = pieces[i] };
                if (i == 0)
                {
                    delta["role"] = "assistant";
                }

                await WriteEventAsync(context, Chunk(request, delta, finishReason: null));
            }

            await WriteEventAsync(context, Chunk(request, new JsonObject(), "stop"));
            var usage = Envelope("chat.completion.chunk", request);
            usage["choices"] = new JsonArray();
            usage["usage"] = Usage(PromptTokens, CompletionTokens);
            await WriteEventAsync(context, usage.ToJsonString());
            await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        }

        private static string Chunk(RecordedRequest request, JsonObject delta, string? finishReason)
        {
            var chunk = Envelope("chat.completion.chunk", request);
            chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason });
            return chunk.ToJsonString();
        }

        private static async Task WriteEventAsync(HttpContext context, string json)
        {
            await context.Response.WriteAsync($"data: {json}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        private static List<string> Split(string text, int parts)
        {
            var size = Math.Max(1, (text.Length + parts - 1) / parts);
            return Enumerable.Range(0, parts).Select(i => i * size).Where(start => start < text.Length || start == 0)
                .Select(start => text.Substring(start, Math.Min(size, text.Length - start))).ToList();
        }
    }

    private sealed record ToolCallsResponse((string Name, string ArgumentsJson)[] Calls) : FakeResponse
    {
        internal override Task WriteAsync(HttpContext context, RecordedRequest request)
        {
            if (request.Protocol == ModelProtocol.Anthropic)
            {
                var blocks = Calls.Select((call, i) => new JsonObject
                {
                    ["type"] = "tool_use",
                    ["id"] = $"toolu_{i + 1}",
                    ["name"] = call.Name,
                    ["input"] = JsonNode.Parse(call.ArgumentsJson),
                }).ToList();
                return Anthropic.WriteMessageAsync(context, request, blocks, "tool_use", 100, 20);
            }

            var calls = new JsonArray(Calls.Select((call, i) => (JsonNode)new JsonObject
            {
                ["id"] = $"call_{i + 1}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
            }).ToArray());
            var body = Envelope("chat.completion", request);
            body["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = calls },
                ["finish_reason"] = "tool_calls",
            });
            body["usage"] = Usage(100, 20);
            return WriteJsonAsync(context, 200, body);
        }
    }

    private sealed record StatusResponse(int StatusCode, string? RetryAfter, string? Body, (string Name, string Value)[]? Headers) : FakeResponse
    {
        internal override async Task WriteAsync(HttpContext context, RecordedRequest request)
        {
            if (RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = RetryAfter;
            }

            foreach (var (name, value) in Headers ?? [])
            {
                context.Response.Headers[name] = value;
            }

            if (request.Protocol == ModelProtocol.Anthropic && Body is null)
            {
                await WriteJsonAsync(context, StatusCode, new JsonObject
                {
                    ["type"] = "error",
                    ["error"] = new JsonObject { ["type"] = StatusCode == 429 ? "rate_limit_error" : "api_error", ["message"] = $"FakeModelServer scripted status {StatusCode}" },
                });
                return;
            }

            if (Body is not null)
            {
                context.Response.StatusCode = StatusCode;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Body, context.RequestAborted);
                return;
            }

            await WriteJsonAsync(context, StatusCode, new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = $"FakeModelServer scripted status {StatusCode}", ["type"] = "fake_error", ["code"] = null },
            });
        }
    }

    private sealed record DelayResponse(TimeSpan Wait, FakeResponse Then) : FakeResponse
    {
        internal override async Task WriteAsync(HttpContext context, RecordedRequest request)
        {
            try
            {
                await Task.Delay(Wait, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await Then.WriteAsync(context, request);
        }
    }

    private sealed record MalformedResponse : FakeResponse
    {
        internal override Task WriteAsync(HttpContext context, RecordedRequest request)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"id\":\"chatcmpl-fake\",\"choices\":[{\"index\":0,\"message\":{\"role\":", context.RequestAborted);
        }
    }

    private sealed record DropResponse : FakeResponse
    {
        internal override Task WriteAsync(HttpContext context, RecordedRequest request)
        {
            context.Abort();
            return Task.CompletedTask;
        }
    }

    /// <summary>Anthropic's messages format: one message object, or its server-sent events when streaming.</summary>
    private static class Anthropic
    {
        public static async Task WriteMessageAsync(HttpContext context, RecordedRequest request, List<JsonObject> blocks, string stopReason, int input, int output)
        {
            var model = request.Model.Length > 0 ? request.Model : "fake-model";
            if (!request.Stream)
            {
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["id"] = "msg_fake",
                    ["type"] = "message",
                    ["role"] = "assistant",
                    ["model"] = model,
                    ["content"] = new JsonArray(blocks.Select(b => (JsonNode)b.DeepClone()).ToArray()),
                    ["stop_reason"] = stopReason,
                    ["stop_sequence"] = null,
                    ["usage"] = new JsonObject { ["input_tokens"] = input, ["output_tokens"] = output },
                });
                return;
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            await EventAsync(context, "message_start", new JsonObject
            {
                ["type"] = "message_start",
                ["message"] = new JsonObject
                {
                    ["id"] = "msg_fake", ["type"] = "message", ["role"] = "assistant", ["model"] = model, ["content"] = new JsonArray(),
                    ["stop_reason"] = null, ["stop_sequence"] = null, ["usage"] = new JsonObject { ["input_tokens"] = input, ["output_tokens"] = 1 },
                },
            });
            for (var index = 0; index < blocks.Count; index++)
            {
                var block = blocks[index];
                var isText = (string?)block["type"] == "text";
                var start = isText ? new JsonObject { ["type"] = "text", ["text"] = "" } : new JsonObject { ["type"] = "tool_use", ["id"] = block["id"]!.DeepClone(), ["name"] = block["name"]!.DeepClone(), ["input"] = new JsonObject() };
                await EventAsync(context, "content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = start });
                var delta = isText
                    ? new JsonObject { ["type"] = "text_delta", ["text"] = block["text"]!.DeepClone() }
                    : new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = block["input"]!.ToJsonString() };
                await EventAsync(context, "content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = delta });
                await EventAsync(context, "content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index });
            }

            await EventAsync(context, "message_delta", new JsonObject
            {
                ["type"] = "message_delta",
                ["delta"] = new JsonObject { ["stop_reason"] = stopReason, ["stop_sequence"] = null },
                ["usage"] = new JsonObject { ["output_tokens"] = output },
            });
            await EventAsync(context, "message_stop", new JsonObject { ["type"] = "message_stop" });
        }

        private static async Task EventAsync(HttpContext context, string name, JsonObject data)
        {
            await context.Response.WriteAsync($"event: {name}\ndata: {data.ToJsonString()}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }
}
