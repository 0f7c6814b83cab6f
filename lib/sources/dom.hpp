// SPDX-License-Identifier: Apache-2.0
// An HTML page parsed into a tree, as the HTML reader walks it: elements with a lower-case tag
// name and attributes, text with the bytes it came from. This small adapter is all the reader
// knows of the parser (gumbo, in dom_gumbo.cpp), so that another HTML5 parser can replace it.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

namespace ogi::sources::dom {

enum class Kind { element, text, whitespace, other };  // other: comments, doctype, …

/// A node of the tree; a cheap handle, valid while its Tree lives.
class Node {
 public:
  explicit Node(const void* impl) : impl_(impl) {}
  Kind kind() const;
  /// The element's tag name in lower case ("p", "td"); "" for a tag the parser does not know.
  std::string_view tag() const;
  /// An attribute's value (entities resolved), if the element has it.
  std::optional<std::string_view> attribute(std::string_view name) const;
  std::size_t child_count() const;
  Node child(std::size_t i) const;
  /// A text node's text, character references resolved (CR LF as LF).
  std::string_view text() const;
  /// The source bytes a text node came from, a view into the parsed buffer.
  std::string_view original() const;
  /// Where the node starts in the parsed buffer.
  std::size_t offset() const;

 private:
  const void* impl_;
};

/// A parsed page. The buffer must outlive it: nodes point into it.
class Tree {
 public:
  explicit Tree(std::string_view utf8);
  ~Tree();
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;
  Node root() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ogi::sources::dom
