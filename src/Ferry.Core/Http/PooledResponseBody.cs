using System.Buffers;

namespace Ferry.Core.Http;

/// <summary>
/// Reads an HTTP response body into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, up to
/// <see cref="MaxBytes"/>, and says whether the whole body arrived. Shared by the venue transports so the
/// hot path reads answers one way.
/// </summary>
public static class PooledResponseBody
{
    /// <summary>The largest body read; a longer one is reported as incomplete.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Reads <paramref name="content"/>. The caller returns <c>Buffer</c> to the shared pool when it is not empty,
    /// whether or not the read was complete. A transport failure or cancellation mid-body gives <c>Complete = false</c>.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length, bool Complete)> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        byte[] body = [];
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                body = ArrayPool<byte>.Shared.Rent(4096);
                while (true)
                {
                    if (length == body.Length)
                    {
                        if (body.Length >= MaxBytes)
                        {
                            return (body, length, false);
                        }

                        var bigger = ArrayPool<byte>.Shared.Rent(body.Length * 2);
                        body.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(body);
                        body = bigger;
                    }

                    var read = await stream.ReadAsync(body.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (body, length, true);
                    }

                    length += read;
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return (body, length, false);
        }
    }
}
