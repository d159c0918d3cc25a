// The libraries' ActivitySources and Meters are static: one test's listener hears every run in the process, so the
// tests here run one at a time and each asserts on what its own run recorded.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
