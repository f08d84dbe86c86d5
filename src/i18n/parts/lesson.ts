/**
 * The lesson panel's strings (src/ui/session/LessonPanelBody.tsx: steps, suggested packets, their outcomes), fetched
 * with it when a lesson opens; the menu's and the panel frame's stay in the core dictionaries.
 * Registered when this module is evaluated: the modules that show these strings import it (see ../messageParts.ts).
 */
import { registerMessagePart } from '../messageParts';

const lessonEn = {
  'lessons.stepOf': 'Step {n} of {total}',
  'lessons.previous': 'Previous',
  'lessons.next': 'Next',
  'lessons.expectDelivered': 'Expected: delivered',
  'lessons.expectDropped': 'Expected: dropped ({code})',
  'lessons.close': 'Close the lesson',
  'lessons.changeFirst': 'This first changes the scenario: {change}',
  'lessons.steps': 'Steps',
  'lessons.tryIt': 'Send the suggested packets',
  'lessons.collapse': 'Collapse the lesson panel',
  'lessons.expand': 'Show the lesson: {title}',
  'lessons.asExpected': 'as the lesson expects',
  'lessons.notExpected': 'not what the lesson expects: did the scenario change? Use Reset to lesson.',
  'lessons.expectHttp': 'Expected: delivered · HTTP {status}',
} as const;

const lessonZhCN: Record<keyof typeof lessonEn, string> = {
  'lessons.stepOf': '第 {n} 步，共 {total} 步',
  'lessons.previous': '上一步',
  'lessons.next': '下一步',
  'lessons.expectDelivered': '预期：送达',
  'lessons.expectDropped': '预期：丢弃（{code}）',
  'lessons.close': '关闭课程',
  'lessons.changeFirst': '发送前会先修改场景：{change}',
  'lessons.steps': '步骤',
  'lessons.tryIt': '发送建议的数据包',
  'lessons.collapse': '收起课程面板',
  'lessons.expand': '显示课程：{title}',
  'lessons.asExpected': '与课程预期一致',
  'lessons.notExpected': '与课程预期不符：场景是否被改动过？可以使用“重置课程”。',
  'lessons.expectHttp': '预期：送达 · HTTP 响应 {status}',
};

export const lessonPart = registerMessagePart('lesson', { en: lessonEn, 'zh-CN': lessonZhCN });
