using CodegenBot.Cli;

return await CodegenCli.RunAsync(args, CliContext.FromProcess(), CancellationToken.None);
