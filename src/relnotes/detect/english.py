"""English words seen in lowercase in running prose: a capitalised one is a word, not a name.

``names.is_bare_name`` calls ``Cockpit`` or ``Brandt Bucher`` a name because none of their words
has the ending of a common word; ``Faster Startup`` or ``Subscript`` have none either, yet are
English headings. A word English prose writes in lowercase is a common word; a name is
capitalised wherever it appears. The list holds every word of three letters or more written in
lowercase at least twice, outside code and roles, in the development corpus's English: the
msgids of the What's New catalogs not held out and the en-US handbook pages of ``HANDBOOK_DEV``
(see ``tests/corpus.py``); 2309 words. It is data, generated once, not tuned by hand.
"""

from __future__ import annotations

_TEXT = """
    abbreviation able about above absence absolute abstract accept acceptance accepted accepting
    accepts access accessed accesses accessing according account accurate acquire across action
    actions activate activation active activity actor acts actual actually adapt adapting add added
    adding addition additional address addresses adds adjust administered administration
    administrative administrator administrators advanced advantage affect affected affecting affects
    after again against agreed agreement aim aka algorithm alias aliases all allocated allocating
    allocation allocator allow allowed allowing allows almost alone alphabetical already also
    alterations alternate alternative alternatives alters although always ambiguous amendment among
    amount analogous and annotate annotated annotation annotations another any appear appearance
    application applications applied applies apply applying approach appropriate apt aptitude
    arbitrarily arbitrary architecture archive archives are arena arg argparse argument arguments
    arise arises arithmetic around array article aside ask asked asking aspects assert assign
    assigned assignment assignments assigns assist assistance associate associated assume assumed
    assuming assurance async asynchronous asyncio attached attempt attempting attribute attributes
    audit authority authors automatic automatically autoremove availability available average avoid
    avoiding avoids await aware back backport backported backward backwards bare bart base based
    bases basic basis became because become becomes been before begin beginning begins behave
    behaves behavior behaviour being belonging benchmark benchmarks benefit benefits best better
    between beyond big bigger binaries binary bind binding binds bit bits blend blink block blocking
    blocks body book books boolean both bound box branch branches breaking breaks brings broken
    buffer buffering buffers bug bugfixes bugs build building builds built builtin builtins bulk
    bundled busy but byte bytecode bytes cache cached caches calculates call callable callback
    callbacks called calling calls campaign campaigns can cancellation cancelled cannot capture
    captured captures care case cases cast catch catching cause caused causes certain change changed
    changes changing chapter chapters character characters charge check checked checker checkers
    checking checks child choice choose chooses choosing chosen cipher clashing class classes
    classmethod clause clauses clean cleaner clear clearly click clock clone close closed closes cls
    code codebase codec codecs codeobjects codes codeset coercion collaborative collection
    collections collector collision color column combine come comes coming comma command commands
    comments commercial commits committee common commonly communication community companies company
    comparable compared comparing comparison comparisons compatibility compatible competence
    compilation compile compiled compiler compiling complement complete completely completion
    complex comply components comprehension comprehensions compressed compression compresslevel
    compute computed computer computes computing concept conceptually concerns concise concrete
    conditions configuration configure configured configures confirm confirmed conflict conflicts
    conform confusing connect connected connection connections consensus consider considerable
    considerably considered considers consist consistency consistent consistently consisting
    consists constant constants constitution constraints construct constructing constructor
    constructors constructs consume contacted contain contained container containing contains
    content context contextlib continue continues continuous contract contrast contribute
    contributed contributing contribution contributions contributors control controlled convenience
    conversion convert converted converting converts coordinates copied copies copy copying
    copyright core coroutine coroutines correct correctly corresponding costs could count course
    cover coverage covered covers create created creates creating creation criteria crowdfunding
    current currently curses cursor custom customization customized cycles daemon daily data
    database dataclasses days deactivate dealing dealloc deallocation dealt debconf debfoster
    deborphan debsums debug debuggers debugging decide decides decimal decision declarative declare
    declared declaring decompression decorate decorated decorator def default defaults define
    defined defines defining definition definitions degrees delay delayed delegated delegates
    deleted deleting demanding depend depended dependencies dependency depending depends deprecated
    deprecation deprecations depth derivative derived derives describe described describes
    describing descriptions descriptor descriptors design designed desired despite destination
    detail detailed details detect detected detects determine deterministic develop developed
    developer developers development dialog dict dictionaries dictionary dicts did didn diff
    difference differences different differently difficult digits direct direction directly
    directories directory disable disabled disallow disappeared discount discouraged discuss
    discussion discussions disk dispatch display displayed displaying displays dist distinguish
    distribute distributed distribution distributions distributors distutils diverge division docs
    docstring docstrings document documentation documented does doesn doing domain don done doubt
    down download downloaded downloading downloads downside downstream dozen dpkg draft due
    duplicated duration during dynamic dynamically each earlier ease easily easy edit edition
    editions editor effect effective effectively effects efficient effort eight either elem element
    elements else elsewhere email embed embedded embedding emit emits emitted empty enable enabled
    enables enabling enclosing encoder encoding encouraged end endif ends enhanced enough ensure
    ensures ensuring enter entered entire entirely entities entries entry enum enums environment
    environments equal equality equivalent error errors escape escapes especially essential
    essentially establishes evaluated evaluating evaluation even event events eventually every
    everybody everyone everything evolution exact exactly example examples exceed except exception
    exceptions exchanges exclude excluded exclusive execute executed executes executing execution
    exhaustive exist existed existing exists exit expanded expect expected expecting expensive
    experience experienced explained explaining explains explanation explicit explicitly exponent
    exports exposed exposes express expression expressions extend extended extension extensions
    external extra extract extraction facilitate fact factor failing fails failure fall fallback
    false fame family fast faster favor favour feature features few fewer field fields file filename
    files filesystem filter filtering filters final finalized finally find finish first fit fix
    fixed fixes flag flags flattens flexibility flexible float focus follow followed following
    follows foo for force forced fork form formally format formats formatted formatting former
    formerly forms forward found four frame frames frameworks free frequent frequently from front
    frozen ftp full fully function functional functionality functions functools funded further
    future gain gained garbage gathers general generally generate generated generation generator
    generators generic generics geographical get gets getting git give given gives giving glibc glob
    global globals going good got gradually graduated grammar graphical grateful gratitude great
    greater group grouping groups guarantee guaranteed guaranteeing guarantees guard guidance gzip
    had hand handle handled handler handlers handles handling handshake happen happens hard has hash
    hashable hashing hashlib hasn have having header headers heavy held hello help helped helpful
    helping helps hence her here hesitate hidden hide higher highest highlighting highly hint hints
    historical history hmac hold holding homer hook hooks host hosted hosting hostname hours how
    however http https huge idea ideas identification identified identifiers identify identity idiom
    idle idlelib ignore ignored ignores illegal immediately immutable impact implement
    implementation implementations implemented implementing implements implicit implicitly implies
    import importance important imported importing imports improve improved improvement improvements
    improves improving include included includes including inclusion inclusive incompatible
    incorrect increase increased increment incremental indent independently index indicate indicated
    indicates indicating indices indirectly individual inferred influence information infrastructure
    ing inherit inherited inherits initial initialization initialize initialized initially inline
    input inputs inside inspired install installation installed installer installers installing
    installs instance instances instantiation instead instruction instructions int integer integers
    integrated integration intelligently intended interactions interactive interactively interest
    interested interesting interface interfaces interleave internal internally international
    internationalization interpret interpreted interpreter interrupted interrupts into introduce
    introduced introduces introducing introspection invalid invalidation inverse invocation invoked
    involved involves involving isn isolated issue issues item items iterable iterator itertools its
    itself jump jumps junctions just keep keeps kept kernel key keys keyword keywords kind kinds
    know known kwargs lacks language languages large larger last later latest latter launcher layers
    layout lazily lazy lead leader leading learned least led left leftmost legacy length less let
    lets letter letters level levels leverage libffi libpython libraries library license lies life
    like likelihoods likely limit limitation limitations limited limits line lines link linked links
    lisa list listed listing lists literal literals little load loaded loaders loading local locale
    locales localization locally located location locations logged logger logging logic logical logs
    long longer look looking looks lookup lookups loop loops loss lost lot lower machine machinery
    machines macro macros made maggie magic mail mailing main mainly maintain maintained maintainer
    maintainers maintaining maintenance major majority make makes making manage managed management
    manager managers manages managing mandatory manipulating manipulation manual manually many marge
    mark marked marketing marking match matched matches matching math matter matters maximum may
    mean meaning means meant measure measured mechanism mechanisms meet member members memory
    mention mentioned menu merge message messages met metaclass metadata method methods might
    migrate migration milestone minimum minor minus mirrors missing mistake mitigation mmap mode
    model modern modest modification modifications modified modifies modify modifying module modules
    monetary months more most mostly motivation move moved mtime much multimedia multiple
    multiprocessing must mutable mytype name named names namespace nanosecond nanoseconds native
    natively naturally nature ncurses nearly necessarily necessary need needed needing needs
    negative nested network never new newer newest newline newly next nice node nodes non none nor
    normal normalized normalizes normally not notable notation note notes nothing notice notices now
    number numbers numeric numerical numerous obj object objectives objects obsolete obviously
    occasionally occur occurred occurring occurs octal off offer offered offers official officially
    offset often old older oldest omitted once one ones only opaque opcode opcodes open opened
    opening operate operating operation operations operator operators opt opted optimization
    optimizations optimize optimized optimizer optimizes option optional options order ordering
    organization organize organized origin original originally other others otherwise our out
    outdated outer output outside over overall overhead overloads overridden override own package
    packages packaging page pages parallel parameter parameterised parameterizing parameters
    parentheses parse parser parsing part partial partially particular particularly parties parts
    party pass passed passes passing passive past patch patches path paths pattern patterns pax peak
    pending people per perfect perfectly perform performance performs period perl permission person
    personal persons phase picked pickle place placed placeholders plans platform platforms play
    please plenty point pointing points policy popular population port portability portable position
    positional positions positive posonlyargcount possibility possible possibly postfix postinst
    postrm potential potentially power pprint practical practice practices preceded precedence
    precise precisely precision prefer preferred prefers prefixed preinst preliminary prepare
    prepares prepending prerm presence present preserve preserved preserves preserving prevent
    preventing prevents previous previously primarily primary primitives print printing prints prior
    priorities priority private probably problem problematic problems procedure process processes
    processing processor produce produced produces producing program programming programs progress
    prohibited project projects promoted prompt prompts proofreading proper properties property
    proposal proposals propose proposed protocol protocols proved provide provided provides
    providing provisional proxy public publish pull pure purge purpose push put pydoc pymalloc
    pyperformance python quadratic qualified quality query question questions queue quickly quite
    quoted raise raised raises raising random range rapid rare rarely rather raw reached read
    readers reading reads real really reasonable reasons recalculate receive received receiving
    recent recommendations recommended record recreated recursion recursive recursively redirecting
    reduce reduced reduces reducing refer reference references refers reflect reflected reflects
    refuse regarding regardless registered registering regular regularly reimplemented reinstall
    reinstalling related relationship relative relatively release released releases relevant rely
    remain remaining remains remote removal removals remove removed removes removing renamed
    reorganized reparse replace replaced replacement replaces replacing report reportbug reported
    reports repositories repository represent representation represented representing represents
    request requested requests require required requirement requirements requires requiring reserved
    resolution resolve resolved resolves resources respected respective respectively respects
    respond response responses responsibilities responsible restore restored restrict restriction
    restrictions result resulting results retain retained retrieve retrieved return returned
    returning returns reuse review reviewed rewritten rich rid right risk risks role roles root
    roughly rule rules run running runs runtime safe safely said same sample satisfied save saved
    say scenario schedule scheduled scheme schemes scope screen script scripts search searching
    second secondary seconds section sections security see seen select selected selecting selection
    selects self semantics send sending sendmail sends sent separate separately separator separators
    sequence sequences serializing series serve server servers serves service services serving set
    sets setting settings several severity shape share shared shell ship shlibs short should show
    shown shows shutdown side sidebar sigma sign signal signals signature significant significantly
    silent silently similar similarly simple simpler simplest simplified simplifies simply
    simultaneously since single singledispatch singledispatchmethod singleton situation six size
    slated slice slices slightly slots slower small smaller socket sockets software sold solely
    solution solutions solve some someone something sometimes somewhat soon sort sorted sorting
    source sources space spaces spawn special specialization specialized specializes specific
    specifically specification specified specifier specifiers specifies specify specifying sped
    speed speeding speeds speedup speedups split splitting squeezed srv ssl stability stable stack
    stage stages standard standardized standards standing start started starting startup state
    statement statements states static statically statistics status stay stderr stdlib stdout steps
    still stop storage store stored stores storing str strategy stream strict string stringized
    strings stripped strong struct structural structure structures students study subclass
    subclassed subclasses subclassing subdirectories subinterpreter subject submit submitting
    submodules subprocess subscripting subsequent subset success successful such suffix suggested
    suggestion suggestions suitable suite suites summary superseded supersedes supplementary support
    supported supporting supports suppose supposed suppress sure surprised switch symbol symbols
    symlinks synaptic synchronization synchronous syntax syscalls sysconfig system systems tab tag
    tags take taken takes target targeted targets task tasks team teams technical tell tells
    templates temporarily temporary terminate terms test tested testing tests text than thank thanks
    that the their them themes themselves then there therefore these theta they things third this
    those though thread threading threads three through throughout throw thus tied time timeout
    timer times timestamp timing timings title together toggle token tokenizer tolerate too tool
    tools top topological total touched towards traceback tracebacks tracing track tracked tracking
    traditionally trailing transfer transforms translate translated translating translation
    translations transparent trashcan traverse treat treats tree tries trigger triggering triggers
    true truly try tstate tuple tuples twice two type types typical typing unable uncaught unclosed
    unconditionally under underlying understanding understood undocumented unexpected union unique
    unittest universal unless unnecessary unneeded unpacked unpacking unraisable unrepresentable
    unsafe until unusable update updated updates updating upgrade upgraded upgrades upon upstream
    usability usable usage use used useful useless user username users uses using usually utility
    uuid valid validated validation value values van variable variables variadic variant variants
    various vast vectorcall venv verbose verify version versions very via views virtual visible
    visit void volunteers von vote votes wait waiting waits walrus want warning warnings was way
    ways weaklinking web website week well were what whatever wheel when whenever where whereas
    whether which while who whole whose why widely width wildcard wildcards will willing window
    winner wish wishes wishlist with within without won word words work worked workflow working
    workload works worth would wrap wrapping write writer writes writing written wrong year years
    yet yield you your yourproxy zero zeros zlib zone
"""
WORDS = frozenset(_TEXT.split())
