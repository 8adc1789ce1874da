/** The questions offered under "Choose a security question" (the guide's two among them). */
export const SECURITY_QUESTIONS = [
  "What is the food you least liked as a child?",
  "What is the name of your first stuffed animal?",
  "What did you earn your first medal or award for?",
  "What is the toy/stuffed animal you liked the most as a kid?",
  "What was the first computer game you played?",
  "What is your favorite movie quote?",
  "What was the mascot of the first sports team you played on?",
  "What music album or song did you first purchase?",
  "What was the first thing you learned to cook?",
  "What was your dream job as a child?",
  "Where did you go for your favorite vacation?",
  "Who is your favorite book/movie character?",
];
