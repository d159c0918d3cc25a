namespace Ferry.Testing;

/// <summary>The repository's root folder (the one holding Ferry.slnx), found from where the tests run.</summary>
public static class RepositoryFolder
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ferry.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("The tests run outside the repository: no Ferry.slnx above " + AppContext.BaseDirectory);
    }
}
