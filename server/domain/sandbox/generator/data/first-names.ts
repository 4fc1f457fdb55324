/**
 * Common US first names (a mix drawn from Social Security popularity lists across generations and communities) and
 * the nicknames people go by, used for `preferred_name`.
 */

const words = (text: string): readonly string[] => [...new Set(text.split(/\s+/).filter(Boolean))];

/** First names usually given to girls. */
export const FEMALE_FIRST_NAMES = words(`
  Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret Ashley
  Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura Cynthia Amy Kathleen
  Angela Shirley Brenda Emma Anna Pamela Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn Janet Maria
  Catherine Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith Andrea
  Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances Jean Alice
  Judy Isabella Julia Grace Amber Denise Danielle Marilyn Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla
  Alexis Lori Marie Ava Mia Harper Aria Chloe Zoe Lily Layla Nora Riley Zoey Aubrey Ellie Stella Leah Hazel Violet Aurora
  Savannah Audrey Brooklyn Bella Claire Skylar Lucy Paisley Everly Caroline Nova Genesis Emilia Kennedy Maya Willow
  Kinsley Naomi Elena Sarai Ariana Allison Gabriella Alexa Serenity Valentina Camila Lucia Gabriela Ximena Daniela
  Valeria Sofia Mariana Adriana Carmen Rosa Guadalupe Yesenia Alejandra Veronica Leticia Priya Ananya Aisha Fatima Mei
  Yuki Hana Jiwoo Minji Thao Linh Ngoc Keisha Tamika Latoya Ebony Imani Aaliyah Jasmine Destiny Kiara Tiana Monique
  Shanice Erica Tiffany Crystal Vanessa Monica Erin Kristen Courtney Melanie Sabrina Tara Meredith Colleen Bridget Molly
  Fiona Ingrid Greta Astrid Leilani Kalani Renee Yolanda Paula Wendy Holly Robin Tracy Dana Joanne Sheila Lorraine Bonnie
  Ruby Jade Iris Ivy Mila Eliana Penelope Luna Hailey Sadie Piper Quinn Reese Alondra Marisol Esperanza Noemi Ines
`);

/** First names usually given to boys. */
export const MALE_FIRST_NAMES = words(`
  James Robert John Michael David William Richard Joseph Thomas Christopher Charles Daniel Matthew Anthony Mark Donald
  Steven Andrew Paul Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric
  Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry
  Tyler Aaron Jose Adam Nathan Henry Zachary Douglas Peter Kyle Noah Ethan Jeremy Walter Christian Keith Roger Terry
  Austin Sean Gerald Carl Harold Dylan Arthur Lawrence Jordan Jesse Bryan Billy Bruce Gabriel Joe Logan Alan Juan Albert
  Willie Elijah Wayne Randy Vincent Mason Roy Ralph Bobby Russell Bradley Philip Eugene Liam Oliver Lucas Levi Sebastian
  Mateo Jackson Owen Luke Grayson Isaac Caleb Hudson Lincoln Julian Wyatt Carter Jayden Leo Ezra Miles Asher Theo Nolan
  Everett Rowan Declan Silas Axel Santiago Diego Carlos Luis Miguel Alejandro Javier Fernando Ricardo Eduardo Rafael
  Andres Jorge Manuel Francisco Pedro Hector Raul Arjun Rohan Vikram Rahul Sanjay Amit Wei Jian Hiroshi Kenji Takeshi
  Minho Jihoon Duc Minh Tuan Malik Jamal Darnell Tyrone Marcus Terrell Andre Dwayne Cedric Reginald Xavier Darius Omar
  Hassan Ahmed Yusuf Ibrahim Karim Tariq Elias Felix Hugo Anders Lars Soren Magnus Kai Keanu Colin Connor Brendan Shane
  Trevor Garrett Spencer Wesley Dustin Derek Travis Cody Chad Marco Dominic Max Ian Evan Blake Cole Grant Reid Tristan
  Jared Victor Martin Alex Emmanuel Ramon Armando Sergio Enrique Ernesto Alberto Cesar Ruben Gustavo Esteban Mohammed
`);

/** Nicknames by given name; a person with one of these names sometimes goes by a nickname. */
export const NICKNAMES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    William: ["Will", "Bill", "Liam"],
    Robert: ["Rob", "Bob", "Bobby"],
    Richard: ["Rick", "Rich"],
    James: ["Jim", "Jamie"],
    Michael: ["Mike"],
    Christopher: ["Chris"],
    Thomas: ["Tom", "Tommy"],
    Joseph: ["Joe", "Joey"],
    Daniel: ["Dan", "Danny"],
    Matthew: ["Matt"],
    Anthony: ["Tony"],
    Steven: ["Steve"],
    Andrew: ["Andy", "Drew"],
    Joshua: ["Josh"],
    Kenneth: ["Ken", "Kenny"],
    Timothy: ["Tim"],
    Jonathan: ["Jon"],
    Nicholas: ["Nick"],
    Benjamin: ["Ben"],
    Samuel: ["Sam"],
    Gregory: ["Greg"],
    Alexander: ["Alex", "Xander"],
    Patrick: ["Pat"],
    Edward: ["Ed", "Ted"],
    Jeffrey: ["Jeff"],
    Zachary: ["Zach"],
    Douglas: ["Doug"],
    Lawrence: ["Larry"],
    Frederick: ["Fred"],
    Francisco: ["Paco", "Frank"],
    Alejandro: ["Alex"],
    Elizabeth: ["Liz", "Beth", "Eliza"],
    Jennifer: ["Jen", "Jenny"],
    Patricia: ["Pat", "Trish"],
    Margaret: ["Maggie", "Meg"],
    Katherine: ["Kate", "Katie"],
    Catherine: ["Cathy", "Cat"],
    Kathleen: ["Kathy"],
    Rebecca: ["Becky", "Becca"],
    Samantha: ["Sam"],
    Deborah: ["Deb"],
    Victoria: ["Tori", "Vicky"],
    Christina: ["Tina"],
    Jacqueline: ["Jackie"],
    Susan: ["Sue"],
    Abigail: ["Abby"],
    Stephanie: ["Steph"],
    Pamela: ["Pam"],
    Cynthia: ["Cindy"],
    Madison: ["Maddie"],
    Gabriella: ["Gabby"],
    Gabriela: ["Gabby"],
    Guadalupe: ["Lupe"],
    Alejandra: ["Ale"],
    Valentina: ["Vale"],
  }),
);
