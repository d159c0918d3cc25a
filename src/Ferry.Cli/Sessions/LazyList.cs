using System.Collections;

namespace Ferry.Cli.Sessions;

/// <summary>A read-only list computed on first use.</summary>
internal sealed class LazyList<T>(Lazy<IReadOnlyList<T>> items) : IReadOnlyList<T>
{
    public T this[int index] => items.Value[index];

    public int Count => items.Value.Count;

    public IEnumerator<T> GetEnumerator() => items.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
