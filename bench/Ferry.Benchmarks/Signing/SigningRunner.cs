using System.Globalization;
using System.Text;
using Ferry.Binance.Signing;
using Ferry.Core.Credentials;

namespace Ferry.Benchmarks.Signing;

/// <summary>
/// <c>signing</c>: signs one transfer payload N times with an Ed25519 key and N times with an HMAC key, in alternating
/// blocks on one thread, and reports bytes allocated per Ed25519 signature and its CPU cost as a ratio to HMAC's in
/// the same run (absolute times on this shared machine are noise; the ratio and the bytes are not).
/// </summary>
public static class SigningRunner
{
    private static readonly byte[] Payload =
        Encoding.ASCII.GetBytes("type=MAIN_UMFUTURE&asset=USDT&amount=1&recvWindow=5000&timestamp=1763800000000");

    public static int Run(IReadOnlyList<string> args)
    {
        var options = SigningOptions.Parse(args, out var problem);
        if (options is null)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }

        using var ed25519 = RequestSigner.Create(new ApiCredentials("bench-key", new SecretText(BenchKeys.NewEd25519Pem()), SigningKind.Ed25519));
        using var hmac = RequestSigner.Create(new ApiCredentials("bench-key", new SecretText("ferry-bench-secret"), SigningKind.Hmac));
        var destination = new byte[Math.Max(ed25519.MaxSignatureLength, hmac.MaxSignatureLength)];

        Console.WriteLine($"Ferry signing benchmark: {options.Signatures} signatures per key in blocks of {options.Block}, {options.Warmup} warm-up signatures per key");
        Console.WriteLine($"  .NET {Environment.Version}, {Environment.ProcessorCount} cores, CPU clock: {ThreadCpuClock.Describe}");

        // Warm up through the measuring path too, so its own one-time costs (stubs, statics) are not charged to a key.
        for (var done = 0; done < options.Warmup; done += options.Block)
        {
            MeasureBlock(ed25519, destination, options.Block);
            MeasureBlock(hmac, destination, options.Block);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var edTotals = new BlockTotals();
        var hmacTotals = new BlockTotals();
        var ed25519First = true;
        for (var done = 0; done < options.Signatures; done += options.Block)
        {
            var count = Math.Min(options.Block, options.Signatures - done);
            // Alternate which key goes first so drift on the shared machine hits both alike.
            if (ed25519First)
            {
                edTotals.Add(MeasureBlock(ed25519, destination, count));
                hmacTotals.Add(MeasureBlock(hmac, destination, count));
            }
            else
            {
                hmacTotals.Add(MeasureBlock(hmac, destination, count));
                edTotals.Add(MeasureBlock(ed25519, destination, count));
            }

            ed25519First = !ed25519First;
        }

        var n = (double)options.Signatures;
        var edCpuUs = edTotals.Cpu.TotalMicroseconds / n;
        var hmacCpuUs = hmacTotals.Cpu.TotalMicroseconds / n;
        Console.WriteLine();
        Console.WriteLine("| key | CPU µs/signature | bytes allocated (total) | bytes/signature |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(Row("Ed25519", edCpuUs, edTotals.Bytes, n));
        Console.WriteLine(Row("HMAC-SHA256", hmacCpuUs, hmacTotals.Bytes, n));
        Console.WriteLine();
        // Rounded, but never to 0 when anything at all was allocated in the measured blocks.
        var edBytesPerSignature = edTotals.Bytes == 0 ? 0 : Math.Max(1, (long)Math.Round(edTotals.Bytes / n));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ed25519_alloc_bytes_per_signature={edBytesPerSignature} ed25519_ratio_vs_hmac={edCpuUs / hmacCpuUs:0.00}"));
        return 0;
    }

    private static string Row(string name, double cpuUs, long bytes, double n) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {cpuUs:0.00} | {bytes} | {bytes / n:0.0} |");

    private static (TimeSpan Cpu, long Bytes) MeasureBlock(RequestSigner signer, byte[] destination, int count)
    {
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpuClock.Now();
        SignBlock(signer, destination, count);
        var cpuAfter = ThreadCpuClock.Now();
        var bytesAfter = GC.GetAllocatedBytesForCurrentThread();
        return (cpuAfter - cpuBefore, bytesAfter - bytesBefore);
    }

    private static void SignBlock(RequestSigner signer, byte[] destination, int count)
    {
        for (var i = 0; i < count; i++)
        {
            signer.Sign(Payload, destination);
        }
    }

    private sealed class BlockTotals
    {
        public TimeSpan Cpu { get; private set; }

        public long Bytes { get; private set; }

        public void Add((TimeSpan Cpu, long Bytes) block)
        {
            Cpu += block.Cpu;
            Bytes += block.Bytes;
        }
    }
}
