import sys, re, collections
# Reads `perf script -F comm,tid,ip,sym,dso` and attributes each sample to a layer (the innermost frame matching a rule,
# scanning from the leaf up) and a kind (where the leaf is: SQLite native, kernel, runtime, managed).
LAYERS = [
    ("refresher", r"InsightsRefresher|ChannelInsights|ThemeEngine|QuoteInsights"),
    ("checkpointer", r"WalCheckpointer"),
    ("writer (GroupCommitWriter/QuoteInsert/WriteBatch)", r"GroupCommitWriter|QuoteInsert|WriteBatch"),
    ("settings store", r"SettingsStore"),
    ("eventing store", r"EventingQuoteStore|WebhookStore"),
    ("insights queue", r"InsightsRefreshQueue"),
    ("tagger", r"ChannelTagger|ModelQuoteTagger|QuoteFeatures|QuoteTagger"),
    ("fingerprint/searchtext", r"QuoteFingerprint|QuoteQuery::SearchText"),
    ("quote store (other)", r"GtmBot.Storage.Quotes.QuoteStore"),
    ("card (QuoteFlow.Card)", r"QuoteFlow::Card|QuoteFlow\+<>c.*Card"),
    ("quote flow (other)", r"GtmBot.Engine.Flows.QuoteFlow"),
    ("Block Kit render", r"BlockKitRenderer|SlackReplies"),
    ("ack JSON (Results.Json/SlashResponse)", r"SlashResponse|JsonResult|HttpResultsHelper|System.Text.Json"),
    ("engine (ConversationEngine, other)", r"ConversationEngine|DeliveryPlan"),
    ("user directory / auth", r"SlackUserDirectory|SlackAuthResolver|InstallationStore"),
    ("signature", r"SlackSignature"),
    ("form parse", r"SlackHttpEndpoint::Parse|QueryHelpers|SlashCommand::FromFields|KeyValueAccumulator"),
    ("body read", r"SlackHttpEndpoint\+<ReadBodyAsync>|HttpRequestStream|MessageBody"),
    ("dispatcher/endpoint (other)", r"SlackDispatcher|SlackHttpEndpoint|SlackTurn"),
    ("outbox", r"Outbox"),
    ("EF Core (other)", r"EntityFrameworkCore"),
    ("ASP.NET routing/middleware/minimal API", r"AspNetCore.Routing|RequestDelegateFactory|AspNetCore.Builder|AspNetCore.Http\.|HostFiltering|Microsoft.AspNetCore.Hosting|RetryLater"),
    ("Kestrel", r"AspNetCore.Server.Kestrel"),
    ("sockets", r"System.Net.Sockets"),
    ("logging", r"Microsoft.Extensions.Logging"),
    ("thread pool / tasks", r"ThreadPoolWorkQueue|PortableThreadPool|WorkerThread|System.Threading"),
]
KINDS = [("SQLite native: FTS5", lambda f: "libe_sqlite3" in f and re.search(r"fts5|trigram|sqlite3Fts5", f)),
         ("SQLite native: other", lambda f: "libe_sqlite3" in f),
         ("kernel: pwrite", lambda f: "pwrite" in f),
         ("kernel: pread", lambda f: "pread" in f),
         ("kernel: fsync", lambda f: "fsync" in f or "fdatasync" in f),
         ("kernel: futex", lambda f: "futex" in f),
         ("kernel: net", lambda f: re.search(r"sendmsg|recvmsg|tcp_|epoll|sock_|__send|__recv|inet_", f)),
         ("kernel: other", lambda f: "[kernel" in f),
         ("runtime (libcoreclr: GC, stubs, alloc)", lambda f: "libcoreclr" in f),
         ("JIT (libclrjit)", lambda f: "libclrjit" in f),
         ("libc/other native", lambda f: ".so" in f and "perf-" not in f),
         ("managed", lambda f: True)]

def samples(path):
    comm, frames = None, []
    for line in open(path, errors="replace"):
        if not line.strip():
            if comm is not None:
                yield comm, frames
            comm, frames = None, []
        elif not line[0].isspace():
            comm = line.rsplit(" ", 2)[0].strip()
        else:
            frames.append(line.strip())
    if comm is not None:
        yield comm, frames

def kind_of(frames):
    """Where the leaf is; for a leaf in the kernel, the syscall's user-side frame says which."""
    leaf = frames[0] if frames else ""
    kind = next(k for k, f in KINDS if f(leaf))
    if kind.startswith("kernel: other") or kind == "kernel: futex":
        for f in frames:
            if "[kernel" not in f:
                for k, fn in KINDS[2:7]:
                    if fn(f):
                        kind = k
                        break
                break
    return kind

def layer_of(frames):
    """Our innermost layer: the first frame from the leaf up that matches a rule, or None."""
    for f in frames:
        for name, pat in LAYERS:
            if re.search(pat, f):
                return name
    return None

if __name__ == "__main__":
    layer_c, kind_c, cross = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for comm, frames in samples(sys.argv[1]):
        total += 1
        kind = kind_of(frames)
        layer = layer_of(frames)
        if layer is None:
            layer = "no managed frame: " + ("GC/runtime thread" if any("libcoreclr" in f for f in frames) else comm)
            if comm.startswith(".NET BGC") or comm.startswith(".NET SigHandler") or comm.startswith(".NET Tiered"):
                layer = "thread " + comm
        layer_c[layer] += 1; kind_c[kind] += 1; cross[(layer, kind)] += 1

    print(f"total samples {total}")
    print("\n== by layer (innermost matching frame) ==")
    for k, v in layer_c.most_common():
        print(f"{100*v/total:6.1f} %  {v:6d}  {k}")
    print("\n== by leaf kind ==")
    for k, v in kind_c.most_common():
        print(f"{100*v/total:6.1f} %  {v:6d}  {k}")
    print("\n== layer x kind (>=0.5 %) ==")
    for (l, k), v in cross.most_common():
        if v/total >= 0.005:
            print(f"{100*v/total:6.1f} %  {l}  |  {k}")
