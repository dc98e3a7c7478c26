/* The "next node" of a choice in the case editor: a select built from the node blocks of the same form.
 *
 * The nodes (decision and ending blocks) live in the same StreamField as the choices, and may be added,
 * renamed, moved or deleted before saving: the options are rebuilt each time the select gets the focus or
 * is opened, and every select is refreshed when a node's identifier or title changes. The value sent is the
 * target node's block id, so renaming a node keeps its links. A value found as a node identifier (typed by
 * hand in older data) selects that node. Registered for telepath by cases/widgets.py.
 */
(() => {
  'use strict';

  const bound = new Set();

  // "nodes" for "nodes-3-value-choices-1-value-next_node": the StreamField that holds the choice.
  function streamPrefix(name) {
    const match = name.match(/^(.*?)-\d+-value-choices-\d+-value-[^-]+$/);
    return match ? match[1] : null;
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  function nodesOf(root, prefix) {
    const pattern = new RegExp(`^${escapeRegExp(prefix)}-(\\d+)-id$`);
    const nodes = [];
    root.querySelectorAll('input[type="hidden"][name$="-id"]').forEach((input) => {
      const match = input.name.match(pattern);
      if (!match || !input.value) return;
      const base = `${prefix}-${match[1]}`;
      const field = (suffix) => root.querySelector(`[name="${base}-${suffix}"]`);
      if (field('deleted')?.value) return;
      const type = field('type')?.value;
      if (type !== 'decision' && type !== 'ending') return;
      nodes.push({
        id: input.value,
        type,
        key: (field('value-key')?.value || '').trim(),
        title: (field('value-title')?.value || '').trim(),
      });
    });
    return nodes;
  }

  function option(value, text) {
    const element = document.createElement('option');
    element.value = value;
    element.textContent = text;
    return element;
  }

  class BoundNodeTargetSelect {
    constructor(select, labels, parentCapabilities) {
      this.input = select;
      this.labels = labels;
      this.idForLabel = select.id;
      this.parentCapabilities = parentCapabilities || new Map();
      this.value = '';
      select.addEventListener('focus', () => this.refresh());
      select.addEventListener('mousedown', () => this.refresh());
      select.addEventListener('change', () => {
        this.value = select.value;
      });
      bound.add(this);
    }

    refresh() {
      const { input, labels } = this;
      const prefix = streamPrefix(input.name);
      const nodes = prefix ? nodesOf(input.closest('form') || document, prefix) : [];
      const value = this.value;
      const found = nodes.find((node) => node.id === value) || nodes.find((node) => node.key && node.key === value);
      input.replaceChildren(option('', labels.empty));
      [
        ['decision', labels.decisions],
        ['ending', labels.endings],
      ].forEach(([type, groupLabel]) => {
        const members = nodes.filter((node) => node.type === type);
        if (!members.length) return;
        const group = document.createElement('optgroup');
        group.label = groupLabel;
        members.forEach((node) => {
          const title = node.title || labels.untitled;
          const prefixText = type === 'ending' ? `${labels.ending} — ` : '';
          group.append(option(node.id, `${prefixText}${title} (${node.key || '?'})`));
        });
        input.append(group);
      });
      if (value && !found) {
        input.append(option(value, `${labels.missing} : ${value}`));
      }
      input.value = found ? found.id : value;
      this.value = input.value;
    }

    getValue() {
      return this.input.value;
    }

    getState() {
      return this.input.value;
    }

    setState(state) {
      this.value = state || '';
      this.refresh();
    }

    setInvalid(invalid) {
      if (invalid) this.input.setAttribute('aria-invalid', 'true');
      else this.input.removeAttribute('aria-invalid');
    }

    getValueForLabel() {
      const selected = this.input.selectedOptions[0];
      return selected && selected.value ? selected.textContent : '';
    }

    getTextLabel(options) {
      const text = this.getValueForLabel();
      const max = options && options.maxLength;
      return max && text.length > max ? `${text.substring(0, max - 1)}…` : text;
    }

    focus() {
      this.input.focus();
    }

    setCapabilityOptions(capability, capabilityOptions) {
      Object.assign(this.parentCapabilities.get(capability), capabilityOptions);
    }
  }

  function refreshAll() {
    bound.forEach((widget) => {
      if (widget.input.isConnected) widget.refresh();
      else bound.delete(widget);
    });
  }

  class NodeTargetSelect {
    constructor(html, labels) {
      this.html = html;
      this.labels = labels;
    }

    render(placeholder, name, id, initialState, parentCapabilities, options = {}) {
      const wrapper = document.createElement('div');
      wrapper.innerHTML = this.html.replace(/__NAME__/g, name).replace(/__ID__/g, id).trim();
      const select = wrapper.querySelector('select');
      placeholder.replaceWith(select);
      Object.entries(options.attributes || {}).forEach(([attribute, value]) => {
        select.setAttribute(attribute, value);
      });
      const widget = new BoundNodeTargetSelect(select, this.labels, parentCapabilities);
      widget.setState(initialState);
      // The nodes after this one are rendered later in the same pass: read them again once all are there.
      window.setTimeout(() => widget.refresh(), 0);
      return widget;
    }

    getByName(name, element) {
      return new BoundNodeTargetSelect(element.querySelector(`select[name="${name}"]`), this.labels);
    }
  }

  // A node renamed (identifier or title): the selects show its new name at once.
  document.addEventListener('change', (event) => {
    if (event.target.name && /-value-(key|title)$/.test(event.target.name)) refreshAll();
  });

  window.telepath.register('cases.widgets.NodeTargetSelect', NodeTargetSelect);
})();
