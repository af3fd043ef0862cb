// Packages in node_modules that ship ES modules only: Jest (CommonJS here) compiles them like our own code.
// Shared by every Jest configuration (jest.config.cjs, tests/browser/jest.config.cjs).
module.exports = ['/node_modules/(?!(@nestjs|preact|flatbush|flatqueue)/)'];
