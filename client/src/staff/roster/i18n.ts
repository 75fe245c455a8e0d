// Strings of the class list import (namespace `roster`), registered when its chunk loads.
import { addBundles } from '../i18n/index.ts';

export const rosterZhCN = {
  title: '导入学员名单',
  classTitle: '{{name}} · 导入学员名单',
  back: '返回班级列表',
  loading: '正在加载…',
  hint: 'CSV 文件，第一行是表头，至少有“学号”和“姓名”两列（其他列不读）。在 Excel 里“另存为”CSV（普通 CSV 或 CSV UTF-8 都可以）。学号就是登录用户名；每个新账号生成一个一次性密码，本人首次登录后必须修改。',
  file: '名单文件（.csv）',
  chosen: '已选择 {{file}}',
  submit: '导入名单',
  done: '已导入 {{count}} 名学员：新建 {{created}} 个账号，{{existing}} 个已有账号。',
  onceTitle: '初始密码只显示这一次',
  onceNote: '离开这个页面后就再也看不到这些密码了。请现在打印密码单（裁成小条发给学员），或下载保存。',
  print: '打印密码单',
  download: '下载密码单',
  caption: '导入结果',
  studentNo: '学号（用户名）',
  name: '姓名',
  password: '初始密码',
  existingEnrolled: '已有账号，已加入本班（密码不变）',
  existingNotEnrolled: '已有账号，未加入：请 Ta 在首页输入邀请码 {{code}} 加入',
  another: '再导入一份名单',
  sheet: {
    title: '学员初始密码',
    name: '姓名',
    username: '用户名',
    password: '初始密码',
    loginAt: '登录网址',
    note: '首次登录后请立即修改密码；请勿把密码告诉别人。',
  },
};

export const rosterEn: typeof rosterZhCN = {
  title: 'Import a class list',
  classTitle: '{{name}} · Import a class list',
  back: 'Back to classes',
  loading: 'Loading…',
  hint: 'A CSV file whose first row names at least the columns 学号 (student number) and 姓名 (name); other columns are ignored. Save it from Excel as CSV (plain CSV or CSV UTF-8). The student number is the username; each new account gets a one-time password that its owner must change at first login.',
  file: 'Class list file (.csv)',
  chosen: 'Chosen: {{file}}',
  submit: 'Import the list',
  done: 'Imported {{count}} students: {{created}} new accounts, {{existing}} existing.',
  onceTitle: 'The passwords are shown only once',
  onceNote:
    'Once you leave this page they cannot be seen again. Print the sheet now (cut it into slips for the students) or download it.',
  print: 'Print the password sheet',
  download: 'Download the password sheet',
  caption: 'Import result',
  studentNo: 'Student number (username)',
  name: 'Name',
  password: 'One-time password',
  existingEnrolled: 'Existing account, now in this class (password unchanged)',
  existingNotEnrolled: 'Existing account, not added: they join with the code {{code}} on their home page',
  another: 'Import another list',
  sheet: {
    title: 'Students’ one-time passwords',
    name: 'Name',
    username: 'Username',
    password: 'Password',
    loginAt: 'Log in at',
    note: 'Change the password at your first login; never tell anyone your password.',
  },
};

addBundles('roster', { 'zh-CN': rosterZhCN, en: rosterEn });
