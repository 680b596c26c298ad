extension PlanSet {
    /// A position in one of a plan set's tables, typed by what the table holds.
    ///
    /// Each table of a ``PlanSet`` has its own kind of index, so an index into one table cannot be
    /// used with another: a budget line's ``BudgetEntry/action`` is an ``ActionIndex`` and reads
    /// ``PlanSet/actions`` only.
    ///
    /// ```swift
    /// for line in set.budgetLines {
    ///     if let action = line.action { print(set.actions[action].action.id) }
    /// }
    /// ```
    ///
    /// Indexes are made by the set; ``offset`` is the position from 0, for display.
    @frozen
    public struct Index<Element>: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
        /// The position in the table, from 0.
        public let offset: Int

        /// The index at `offset` (from 0) in its table.
        @inlinable
        package init(_ offset: Int) { self.offset = offset }

        @inlinable
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.offset < rhs.offset }

        @inlinable
        public func distance(to other: Self) -> Int { other.offset - offset }

        @inlinable
        public func advanced(by n: Int) -> Self { Self(offset + n) }

        /// The offset, as a number.
        public var description: String { String(offset) }

        /// The index `rhs` places after `lhs`.
        @inlinable
        package static func + (lhs: Self, rhs: Int) -> Self { Self(lhs.offset + rhs) }

        /// Moves `lhs` by `rhs` places.
        @inlinable
        package static func += (lhs: inout Self, rhs: Int) { lhs = Self(lhs.offset + rhs) }
    }

    /// An index in ``PlanSet/plans``.
    public typealias PlanIndex = Index<Plan>
    /// An index in ``PlanSet/objectives``.
    public typealias ObjectiveIndex = Index<ObjectiveEntry>
    /// An index in ``PlanSet/actions``.
    public typealias ActionIndex = Index<ActionEntry>
    /// An index in ``PlanSet/budgetLines``.
    public typealias LineIndex = Index<BudgetEntry>
    /// An index in ``PlanSet/volets``.
    public typealias VoletIndex = Index<VoletEntry>
    /// An index in ``PlanSet/links``.
    public typealias LinkIndex = Index<LinkEntry>
    /// An index in ``PlanSet/articles``.
    public typealias ArticleIndex = Index<ArticleEntry>
    /// An index in the articles as budget lines spell them (with their year); the set's own.
    package typealias LineArticleIndex = Index<BudgetArticle>

    /// One of a plan set's tables: an array read with its own kind of ``Index``.
    ///
    /// A table is a random-access collection (`count`, `first`, `map`, `for … in`); its subscript
    /// takes the table's own index only.
    @frozen
    public struct Table<Element>: RandomAccessCollection {
        public typealias Index = PlanSet.Index<Element>
        public typealias Indices = Range<Index>
        public typealias SubSequence = Slice<Self>

        /// The entries, read by offset inside the package.
        @usableFromInline
        package var elements: [Element]

        @inlinable
        package init(_ elements: [Element] = []) { self.elements = elements }

        @inlinable
        public var startIndex: Index { Index(0) }

        @inlinable
        public var endIndex: Index { Index(elements.count) }

        @inlinable
        public var count: Int { elements.count }

        @inlinable
        public var indices: Range<Index> { startIndex..<endIndex }

        @inlinable
        public func index(after i: Index) -> Index { Index(i.offset + 1) }

        @inlinable
        public func index(before i: Index) -> Index { Index(i.offset - 1) }

        /// The entry at `position`.
        @inlinable
        public subscript(position: Index) -> Element {
            get { elements[position.offset] }
            _modify { yield &elements[position.offset] }
        }

        @inlinable
        public subscript(bounds: Range<Index>) -> Slice<Self> { Slice(base: self, bounds: bounds) }

        /// The entry at `offset` (from 0), for the package's code that walks tables by number.
        @inlinable
        package subscript(offset: Int) -> Element {
            get { elements[offset] }
            _modify { yield &elements[offset] }
        }

        /// Appends `element`.
        @inlinable
        package mutating func append(_ element: Element) { elements.append(element) }

        /// Appends `newElements`.
        @inlinable
        package static func += (lhs: inout Self, rhs: some Sequence<Element>) { lhs.elements.append(contentsOf: rhs) }
    }
}

extension PlanSet.Table: Sendable where Element: Sendable {}
extension PlanSet.Table: Equatable where Element: Equatable {}

extension Range {
    /// The offsets (from 0) a range of table indexes spans, for the package's code that walks
    /// tables by number.
    @inlinable
    package func offsets<Element>() -> Range<Int> where Bound == PlanSet.Index<Element> { lowerBound.offset..<upperBound.offset }
}
