// SPDX-License-Identifier: Apache-2.0
// The DOM adapter over gumbo (Apache-2.0), Google's HTML5 parser in C.
#include <gumbo.h>

#include "sources/dom.hpp"

namespace ogi::sources::dom {
namespace {

const GumboNode* node(const void* p) { return static_cast<const GumboNode*>(p); }

const GumboVector* children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

}  // namespace

Kind Node::kind() const {
  switch (node(impl_)->type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
    case GUMBO_NODE_DOCUMENT: return Kind::element;
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA: return Kind::text;
    case GUMBO_NODE_WHITESPACE: return Kind::whitespace;
    default: return Kind::other;
  }
}

std::string_view Node::tag() const {
  const GumboNode* n = node(impl_);
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return {};
  if (n->v.element.tag == GUMBO_TAG_UNKNOWN) return {};
  return gumbo_normalized_tagname(n->v.element.tag);
}

std::optional<std::string_view> Node::attribute(std::string_view name) const {
  const GumboNode* n = node(impl_);
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return std::nullopt;
  const GumboVector& attrs = n->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (name == a->name) return std::string_view(a->value);
  }
  return std::nullopt;
}

std::size_t Node::child_count() const {
  const GumboVector* c = children(node(impl_));
  return c ? c->length : 0;
}

Node Node::child(std::size_t i) const { return Node(children(node(impl_))->data[i]); }

std::string_view Node::text() const {
  const GumboNode* n = node(impl_);
  if (kind() != Kind::text && kind() != Kind::whitespace) return {};
  return n->v.text.text;
}

std::string_view Node::original() const {
  const GumboNode* n = node(impl_);
  if (kind() != Kind::text && kind() != Kind::whitespace) return {};
  return std::string_view(n->v.text.original_text.data, n->v.text.original_text.length);
}

std::size_t Node::offset() const {
  const GumboNode* n = node(impl_);
  switch (n->type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: return n->v.element.start_pos.offset;
    case GUMBO_NODE_DOCUMENT: return 0;
    default: return n->v.text.start_pos.offset;
  }
}

struct Tree::Impl {
  GumboOptions options = kGumboDefaultOptions;
  GumboOutput* output = nullptr;
};

Tree::Tree(std::string_view utf8) : impl_(std::make_unique<Impl>()) {
  impl_->options.max_errors = 0;  // the reader reports nothing of gumbo's parse errors: don't record them
  impl_->output = gumbo_parse_with_options(&impl_->options, utf8.data(), utf8.size());
}

Tree::~Tree() {
  if (impl_->output) gumbo_destroy_output(&impl_->options, impl_->output);
}

Node Tree::root() const { return Node(impl_->output->document); }

}  // namespace ogi::sources::dom
