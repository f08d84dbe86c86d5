/**
 * The interface strings in English: the reference dictionary. Its keys are the `MessageKey` type;
 * every other language must have exactly these keys (the compiler checks it). `{name}` marks a
 * parameter filled in by `translate`.
 */
export const en = {
  'app.title': 'Kube Network Playground',

  // Toolbar
  'toolbar.copyLink': 'Copy link',
  'toolbar.linkCopied': 'Link copied: it holds the whole scenario.',
  'toolbar.linkCopyFailed': 'Could not copy to the clipboard. Copy the address from the address bar instead.',
  'toolbar.new': 'New',
  'toolbar.resetToLesson': 'Reset to lesson',
  'toolbar.exportJson': 'Export JSON',
  'toolbar.importJson': 'Import JSON',
  'toolbar.lessons': 'Lessons',
  'toolbar.language': 'Language',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',
  'toolbar.delete': 'Delete',
  'toolbar.fitView': 'Fit view',
  'toolbar.autoLayout': 'Auto layout',
  'toolbar.restoreBackup': 'Restore previous work',

  // Language names, each written in its own language.
  'language.en': 'English',
  'language.zh-CN': '简体中文',

  // Palette: element kinds (ElementKind), also used as labels in the inspector and problems list.
  'palette.title': 'Elements',
  'palette.hint': 'Drag an element onto the canvas.',
  'element.subnet': 'Subnet',
  'element.router': 'Router',
  'element.node': 'Node',
  'element.pod': 'Pod',
  'element.client': 'Outside host',
  'element.service': 'Service',
  'element.loadBalancer': 'Load balancer',
  'element.ingress': 'Ingress',

  // Side panels
  'panel.problems': 'Problems',
  'panel.noProblems': 'No problems: the scenario is valid.',
  'panel.inspector': 'Inspector',
  'panel.nothingSelected': 'Select an element to see and edit it.',
  'panel.hops': 'Hops',
  'panel.noHops': 'Send a packet to see its hops here.',

  // Inspector fields
  'field.name': 'Name',
  'field.namespace': 'Namespace',
  'field.labels': 'Labels',
  'field.selector': 'Selector',
  'field.ports': 'Ports',
  'field.ip': 'IP address',
  'field.cidr': 'CIDR',
  'field.podCidr': 'Pod CIDR',
  'field.serviceCidr': 'Service CIDR',
  'field.gateway': 'Gateway',
  'field.type': 'Type',
  'field.clusterIP': 'ClusterIP',
  'field.nodePort': 'NodePort',
  'field.sessionAffinity': 'Session affinity',
  'field.externalTrafficPolicy': 'External traffic policy',
  'field.internalTrafficPolicy': 'Internal traffic policy',
  'field.cni': 'CNI mode',
  'field.kubeProxyMode': 'kube-proxy mode',
  'field.apply': 'Apply',

  // Sending packets and playback
  'packet.send': 'Send',
  'packet.sendMode': 'Send a packet',
  'packet.sendFromHere': 'Send packet from here',
  'packet.sendMany': 'Send {count} requests',
  'packet.from': 'From',
  'packet.to': 'To',
  'packet.protocol': 'Protocol',
  'packet.pickSource': 'Click the element to send from.',
  'packet.pickTarget': 'Click the destination, or type it (web:80, 10.96.0.20:80, http://shop.example.com/).',
  'packet.delivered': 'Delivered',
  'packet.dropped': 'Dropped',
  'packet.droppedAt': 'Dropped at {place}: {reason}',
  'packet.request': 'Request',
  'packet.reply': 'Reply',
  'packet.endpoints': 'Where the requests went',
  'playback.play': 'Play',
  'playback.pause': 'Pause',
  'playback.step': 'Step',
  'playback.stepBack': 'Step back',
  'playback.speed': 'Speed',
  'playback.replay': 'Replay',
  'playback.clear': 'Clear',

  // Lessons
  'lessons.title': 'Lessons',
  'lessons.number': 'Lesson {n}',
  'lessons.stepOf': 'Step {n} of {total}',
  'lessons.previous': 'Previous',
  'lessons.next': 'Next',
  'lessons.sendSuggested': 'Send this packet',
  'lessons.expectDelivered': 'Expected: delivered',
  'lessons.expectDropped': 'Expected: dropped ({code})',
  'lessons.close': 'Close the lesson',
  'lessons.changeFirst': 'This first changes the scenario: {change}',

  // Share links that cannot be opened: one per ShareLinkErrorCode (src/io/share-link.ts).
  'linkError.missing': 'This address holds no shared scenario.',
  'linkError.malformed': 'This link is not a playground share link, or it was changed by hand: it could not be read.',
  'linkError.truncated': 'This link is incomplete: it was probably cut off when it was copied. Ask for the whole link again.',
  'linkError.corrupt': 'This link is damaged: its data does not check out, so it was not opened. Ask for the link again.',
  'linkError.too-large': 'This scenario is too large for a link (over 100 kB). Share it with Export JSON instead.',
  'linkError.newer-version': 'This link was made by a newer version of the playground. Reload the page to get the latest version, then open the link again.',
  'linkError.invalid-scenario': 'This link opened, but the scenario inside is not valid, so it was not loaded.',
  'notice.openedSavedWork': 'Your last saved work was opened instead; it has not been changed.',
  'notice.openedDefault': 'The example scenario was opened instead.',
  'notice.openedFromLink': 'Opened the scenario from the link. Your previous work is kept: use "Restore previous work" to go back to it.',

  // Files and saved work
  'fileError.title': 'Cannot import this file',
  'fileError.field': '{path}: {message}',
  'fileError.notJson': 'The file is not valid JSON.',
  'fileError.tooLarge': 'The file is larger than 5 MB.',
  'fileError.unreadable': 'The file could not be read.',
  'fileImported': 'Imported {name}. Your previous work is kept: use "Restore previous work" to go back to it.',
  'savedWork.damaged': 'The last saved work was damaged; the backup before it was opened instead.',
  'savedWork.none': 'There is no saved work yet.',
  'savedWork.unreadable': 'The saved work could not be read: it is damaged or from an unknown version.',
  'savedWork.unavailable': 'This browser does not allow the site to read its stored data.',
  'saveError.quota': 'Your work could not be saved: the browser storage for this site is full.',
  'saveError.unavailable': 'Your work could not be saved: this browser does not allow the site to store data.',
  'confirm.new': 'Start a new, empty scenario? Your current work is kept as the previous work.',
  'confirm.resetToLesson': 'Put the lesson back as it started? Your changes are kept as the previous work.',
} as const;

export type MessageKey = keyof typeof en;
