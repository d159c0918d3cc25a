using System.Runtime.InteropServices;
using Ferry.Cli;

// SIGINT and SIGTERM cancel the running command; each command decides what a stop means.
using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

return await FerryApp.RunAsync(args, CliEnvironment.FromProcess(), stop.Token);
